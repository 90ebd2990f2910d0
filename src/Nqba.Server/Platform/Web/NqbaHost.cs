using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Cli;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Platform.Web;

/// <summary>Running the executable: a CLI verb, or the server with its start-up report.</summary>
public static class NqbaHost
{
    /// <summary>CLI verbs log warnings only, to stderr, so stdout stays machine-readable.</summary>
    public static IHostApplicationBuilder AddNqbaHost(this IHostApplicationBuilder builder, string[] args)
    {
        if (NqbaCli.IsVerb(builder.GetModuleCatalog(), args))
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        return builder;
    }

    public static async Task<int> RunNqbaAsync(this WebApplication app, string[] args)
    {
        if (NqbaCli.IsVerb(app.Services.GetRequiredService<ModuleCatalog>(), args))
        {
            return await NqbaCli.RunAsync(app.Services, args);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"NQBA is running at {address}  (API reference: {address}/docs)");
            }

            foreach (var line in app.Services.GetRequiredService<StartupReport>().Lines)
            {
                Console.WriteLine(line);
            }
        });

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (StartupException ex)
        {
            await Console.Error.WriteLineAsync("nqba: cannot start: " + ex.Message);
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("nqba: cannot start: invalid configuration: " + string.Join(" ", ex.Failures));
            return 2;
        }
    }
}
