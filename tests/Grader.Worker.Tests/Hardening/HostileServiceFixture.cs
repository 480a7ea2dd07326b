using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Hardening;

/// <summary>One service shared by the hostile request cases: each case must leave it serving.</summary>
public sealed class HostileServiceFixture : IAsyncLifetime
{
    public TestService Service { get; private set; } = null!;

    public async Task InitializeAsync() => Service = await TestService.StartAsync();

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
