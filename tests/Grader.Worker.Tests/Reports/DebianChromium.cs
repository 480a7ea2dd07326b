using Microsoft.Playwright;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// Debian's chromium for the browser tests (Playwright cannot download its own browser here), and
/// the folder the tests save their screenshots in.
/// </summary>
public static class DebianChromium
{
    /// <summary>Where Debian installs it.</summary>
    public const string Path = "/usr/bin/chromium";

    /// <summary>The screenshots folder under the test output folder, created.</summary>
    public static string Screenshots() => Directory.CreateDirectory(System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Launches it headless; fails with the install command when it is missing.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), "Debian's chromium is needed: apt-get install chromium (.ci/run installs it)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
