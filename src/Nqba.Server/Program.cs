using Nqba.Server.Platform;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddNqbaHost(args);
builder.AddNqbaModules();
builder.AddWebUi();

var app = builder.Build();
app.UsePlatform();
app.UseWebUi();
app.UsePlatformAudit();
app.MapNqbaModules();
app.MapWebUi();

return await app.RunNqbaAsync(args);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
