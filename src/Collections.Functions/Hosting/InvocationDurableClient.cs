using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Functions.Hosting;

/// <summary>
/// The <see cref="DurableTaskClient"/> of the current invocation. In the isolated worker the client exists only as the
/// <c>[DurableClient]</c> binding of a function (the Functions host hands the worker the task hub's endpoint per
/// invocation; there is no client to register at start-up, as the local host does). The shared handlers and services
/// take a <see cref="DurableTaskClient"/> from dependency injection, so each function that needs one stores its bound
/// client here first, and <see cref="Register"/> makes the invocation's scope (<c>FunctionContext.InstanceServices</c>,
/// which is also the request's <c>HttpContext.RequestServices</c>) answer it as <see cref="DurableTaskClient"/>.
/// </summary>
internal sealed class InvocationDurableClient
{
    private DurableTaskClient? _client;

    /// <summary>Registers the holder and the scoped <see cref="DurableTaskClient"/> it answers.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<InvocationDurableClient>();
        services.AddScoped(sp => sp.GetRequiredService<InvocationDurableClient>()._client
            ?? throw new InvalidOperationException("No DurableTaskClient in this invocation: the function must take a [DurableClient] binding and call InvocationDurableClient.Set first."));
    }

    /// <summary>Stores the invocation's bound client in its scope.</summary>
    public static void Set(IServiceProvider invocationServices, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(invocationServices);
        ArgumentNullException.ThrowIfNull(client);
        invocationServices.GetRequiredService<InvocationDurableClient>()._client = client;
    }
}
