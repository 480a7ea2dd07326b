using System.Security.Cryptography;
using Grader.Worker.Service;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Reports;

/// <summary>
/// The TA token: configured as <c>Grader:TaToken</c>, or else generated at first start, stored
/// beside the database in <c>ta-token.txt</c> (readable by its owner only) and printed once.
/// </summary>
public sealed class TaTokenStore(IOptions<GraderOptions> options, ILogger<TaTokenStore> logger)
{
    private string? token;

    /// <summary>The token, loading or creating it on first use.</summary>
    public string Token => token ??= Load();

    /// <summary>The file the generated token is kept in.</summary>
    public string FilePath => FileFor(options.Value);

    /// <summary>Where a service with these settings keeps its generated token: beside its database.</summary>
    public static string FileFor(GraderOptions settings) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.DatabasePath))!, "ta-token.txt");

    /// <summary>The token of a service with these settings, configured or already generated, or null.</summary>
    public static string? Find(GraderOptions settings) =>
        !string.IsNullOrWhiteSpace(settings.TaToken) ? settings.TaToken.Trim()
        : File.Exists(FileFor(settings)) ? File.ReadAllText(FileFor(settings)).Trim()
        : null;

    /// <summary>True when a presented token is the TA token (compared in constant time).</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Token));

    private string Load()
    {
        if (Find(options.Value) is { } existing)
        {
            return existing;
        }

        var created = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, created + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        logger.LogWarning("Generated a TA token (shown once; kept in {File}): {Token}", FilePath, created);
        return created;
    }
}
