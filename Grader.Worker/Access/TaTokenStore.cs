using System.Security.Cryptography;
using Grader.Worker.Hardening;
using Grader.Worker.Settings;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Access;

/// <summary>
/// The TA token: configured as <c>Grader:TaToken</c>, or else generated at first start and stored
/// beside the database in <c>ta-token.txt</c> (written atomically, readable by its owner only; the
/// token itself is never logged). A configured token shorter than
/// <see cref="ServiceLimits.MinTaTokenLength"/> stops the service at start; a token file
/// that is empty or short is replaced by a new token. An empty presented token never matches.
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
    public static string? Find(GraderOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.TaToken))
        {
            return settings.TaToken.Trim();
        }

        var file = FileFor(settings);
        var stored = File.Exists(file) ? Domain.FileText.ReadBounded(file, 4096) : null;
        var text = stored is null ? null : System.Text.Encoding.UTF8.GetString(stored).Trim();
        return text is { Length: >= ServiceLimits.MinTaTokenLength } ? text : null;
    }

    /// <summary>Why a configured token is refused (empty means "generate one"), or null.</summary>
    public static string? Problem(GraderOptions settings) =>
        settings.TaToken is { } t && !string.IsNullOrWhiteSpace(t) && t.Trim().Length < ServiceLimits.MinTaTokenLength
            ? $"the configured TA token (Grader:TaToken) is {t.Trim().Length} characters; it must be at least {ServiceLimits.MinTaTokenLength} (or leave it empty to have one generated)"
            : null;

    /// <summary>True when a presented token is the TA token (compared in constant time); never for an empty one.</summary>
    public bool Matches(string? presented) =>
        !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Token));

    private string Load()
    {
        if (Problem(options.Value) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        if (Find(options.Value) is { } existing)
        {
            return existing;
        }

        if (File.Exists(FilePath))
        {
            logger.LogWarning("The TA token file {File} is empty or too short; a new token replaces it", FilePath);
        }

        var created = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        PrivateFile.WriteAtomically(FilePath, created + Environment.NewLine);
        logger.LogWarning("Generated a TA token; read it from {File} (readable by you only)", FilePath);
        return created;
    }
}
