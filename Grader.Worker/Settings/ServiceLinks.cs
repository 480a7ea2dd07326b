using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Settings;

/// <summary>Absolute links to the service's pages, for receipts written outside a request: <see cref="GraderOptions.PublicUrl"/>, else the address the service listens on.</summary>
public sealed class ServiceLinks(IServer server, IOptions<GraderOptions> options)
{
    /// <summary>The service's base address, without a trailing slash.</summary>
    public string BaseUrl =>
        (options.Value.PublicUrl
         ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
         ?? options.Value.Url).TrimEnd('/');

    /// <summary>An absolute link to a path such as <c>/submissions/1?receipt=…</c>.</summary>
    public string Absolute(string path) => BaseUrl + path;
}
