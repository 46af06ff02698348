using Azure.Storage.Blobs;
using Collections.Operations.Apis;
using Collections.Host.Cli;
using Collections.Host.Hosting;
using Collections.Operations.Hosting;

if (CliDispatcher.IsCommand(args))
{
    return await CliDispatcher.RunAsync(args);
}

// `serve` is the default verb: the web host gets the remaining arguments (for example --urls).
var builder = WebApplication.CreateBuilder(args is [CliCommandLine.ServeVerb, .. var hostArgs] ? hostArgs : args);
builder.AddCollectionsConfiguration();
// The Azure SDK logs every storage request at Information (headers included): warnings and errors only.
builder.Logging.AddFilter("Azure", LogLevel.Warning);
// The Durable Task Framework logs every history append and queue message at Information: warnings and errors only.
builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
HostSettings settings;
try
{
    settings = builder.AddCollections();
    builder.Services.AddOperationsApi();
    builder.Services.AddLocalTriggers(builder.Configuration);
}
catch (InvalidSettingsException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

builder.AddCollectionsTelemetry(settings);
var app = builder.Build();
app.UseOperationsApiEdge();
app.MapHealth();
app.MapOperationsApi().MapDashboard();

// `serve` typed on the command line (scripts/run-local.sh does) also checks the SMTP server; hosts under test have none.
var problem = await StartupChecks.StorageAsync(app.Services.GetRequiredService<StorageBootstrap>(), app.Services.GetRequiredService<BlobServiceClient>(), app.Lifetime.ApplicationStopping)
    ?? (args is [CliCommandLine.ServeVerb, ..] ? await StartupChecks.SmtpAsync(settings, app.Lifetime.ApplicationStopping) : null);
if (problem is not null)
{
    await Console.Error.WriteLineAsync(problem);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point; exposed for WebApplicationFactory in host tests.</summary>
public partial class Program;
