using Pipeline.Orchestrator;
using Pipeline.Orchestrator.Review;
using Pipeline.Processing.Curation;
using Pipeline.Processing.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddClipOrchestrator();
builder.AddClipCuration();
builder.AddBadRequestProblems();

var app = builder.Build();
app.UseBadRequestProblems();
app.MapHealthChecks("/health");
app.MapJobEndpoints();
app.MapDefinitionEndpoints();
app.MapReviewEndpoints();
app.Run();
