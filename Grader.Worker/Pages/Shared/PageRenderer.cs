using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components;

namespace Grader.Worker.Pages.Shared;

/// <summary>Renders a page component to HTML outside a request, for files (handouts) written by the command line.</summary>
public sealed class PageRenderer : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly HtmlRenderer renderer;

    /// <summary>A renderer with its own small service provider.</summary>
    public PageRenderer()
    {
        services = new ServiceCollection().AddLogging().BuildServiceProvider();
        renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
    }

    /// <summary>The HTML of component <typeparamref name="T"/> with these parameters.</summary>
    public Task<string> RenderAsync<T>(IDictionary<string, object?> parameters)
        where T : IComponent =>
        renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await renderer.DisposeAsync();
        await services.DisposeAsync();
    }
}
