using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Optimization;
using Nqba.Server.Modules.Scheduling;
using Nqba.Server.Modules.Support;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddNqbaHost(args);
builder.AddPlatform();
builder.AddAccessModule();
builder.AddIntakeModule();
builder.AddOptimizationModule();
builder.AddMonitoringModule();
builder.AddSupportModule();
builder.AddSchedulingModule();
builder.AddWebUi();

var app = builder.Build();
app.UsePlatform();
app.UseWebUi();
app.UsePlatformAudit();
app.MapPlatformEndpoints();
app.MapAccessEndpoints();
app.MapIntakeEndpoints();
app.MapOptimizationEndpoints();
app.MapMonitoringEndpoints();
app.MapSupportEndpoints();
app.MapSchedulingEndpoints();
app.MapWebUi();

return await app.RunNqbaAsync(args);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
