using Microsoft.Extensions.FileProviders;

namespace Grader.Worker.Host;

/// <summary>Serves the pages' own stylesheet and scripts (<c>/assets</c>) and KaTeX (<c>/katex</c>, installed by the build) from beside the executable.</summary>
public static class StaticAssetFolders
{
    /// <summary>The folders served, each at its own name.</summary>
    public static readonly string[] Folders = ["assets", "katex"];

    /// <summary>Adds the static-file middleware for each folder that exists.</summary>
    public static WebApplication UseStaticAssetFolders(this WebApplication app)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(AppContext.BaseDirectory, folder);
            if (Directory.Exists(path))
            {
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(path), RequestPath = "/" + folder });
            }
            else
            {
                app.Logger.LogWarning("Page assets folder {Folder} is missing: pages show without styles or maths", path);
            }
        }

        return app;
    }
}
