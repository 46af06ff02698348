using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Microsoft.DurableTask.Client;

namespace Collections.Operations.Apis;

/// <summary>
/// Builds <see cref="CaseInstances"/> over the client a handler receives: the local host's singleton, or the
/// Functions host's per-invocation client.
/// </summary>
internal sealed class CaseInstancesFactory(ICaseProjectionStore store, PolicyCatalog policies, TimeProvider time)
{
    public CaseInstances For(DurableTaskClient client) => new(client, store, policies, time);
}
