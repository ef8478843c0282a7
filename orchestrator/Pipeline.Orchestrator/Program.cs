using Pipeline.Orchestrator;
using Pipeline.Orchestrator.Review;
using Pipeline.Processing.Curation;
using Pipeline.Processing.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddClipOrchestrator();
builder.AddClipCuration();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapJobEndpoints();
app.MapDefinitionEndpoints();
app.MapReviewEndpoints();
app.Run();
