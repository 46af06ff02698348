using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Collections.Functions.Api;

/// <summary>
/// A route builder over this app's services that only collects endpoints: the shared mapping code
/// (<c>MapHealth</c>, <c>MapOperationsApi</c>) runs on it exactly as on the local host's WebApplication, so the Functions
/// app gets the same handlers with the same binding, filters (resource-id validation) and metadata (names, policies),
/// without a second server. Nothing routes with it: the Functions host routes to the HTTP functions.
/// </summary>
internal sealed class EndpointCollector(IServiceProvider services) : IEndpointRouteBuilder
{
    public IServiceProvider ServiceProvider => services;

    public ICollection<EndpointDataSource> DataSources { get; } = [];

    public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
}
