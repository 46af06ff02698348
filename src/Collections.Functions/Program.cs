var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
await app.RunAsync();

/// <summary>Entry point; exposed for WebApplicationFactory in host tests.</summary>
public partial class Program;
