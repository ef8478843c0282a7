using Pipeline.Orchestrator;
using Pipeline.Processing.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddClipOrchestrator();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapJobEndpoints();
app.Run();
