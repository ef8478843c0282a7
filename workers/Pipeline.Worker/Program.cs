using Pipeline.Processing.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddClipWorker(defaultModel: ModelLocator.FindDefault());

var app = builder.Build();
app.MapHealthChecks("/health");
app.Run();
