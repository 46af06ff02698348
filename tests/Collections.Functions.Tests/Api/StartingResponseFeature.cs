using Microsoft.AspNetCore.Http.Features;

namespace Collections.Functions.Tests.Api;

/// <summary>
/// A response feature that keeps its <c>OnStarting</c> callbacks (DefaultHttpContext's drops them) so a test can run
/// them the way the server does when the response starts.
/// </summary>
internal sealed class StartingResponseFeature : HttpResponseFeature
{
    private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

    public override void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

    /// <summary>Runs the callbacks, last registered first, as Kestrel does.</summary>
    public async Task StartAsync()
    {
        for (var i = _starting.Count - 1; i >= 0; i--)
        {
            await _starting[i].Callback(_starting[i].State);
        }
    }
}
