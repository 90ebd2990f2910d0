using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Npgsql;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Calendar;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Observability;
using Nqba.Server.Platform.Outbound;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Residency;
using Nqba.Server.Platform.Seeding;
using Nqba.Server.Platform.Tenancy;
using Nqba.Server.Platform.Web;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace Nqba.Server.Platform;

/// <summary>The shared kernel: persistence, events, audit, errors, telemetry, OpenAPI, health.</summary>
public static class PlatformModule
{
    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EventsOptions>().BindConfiguration("Events").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HttpLimitsOptions>().BindConfiguration(HttpLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ITenantContext, HttpTenantContext>();

        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddSingleton<AuditOutboxInterceptor>();
        services.AddSingleton<DbCommandTelemetryInterceptor>();
        services.AddSingleton<CompanySnapshotCache>();
        services.AddSingleton<CompanyChangeInterceptor>();
        services.AddSingleton<EventTypeRegistry>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddJob<OutboxDispatchJob, EventsOptions>(o => new JobPlan(
            JobSchedule.Every(o.PollInterval, startNow: true), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.DispatchInBackground));
        builder.AddModuleDbContext<PlatformDbContext, SqlitePlatformDbContext, PostgresPlatformDbContext>();
        services.AddScoped<DatabaseInitializer>();
        services.AddHostedService<DatabaseStartupService>();
        services.AddSingleton<StartupReport>();
        builder.AddJobs();
        services.AddScoped<IDataSeeder, CompanySeeder>();
        services.AddScoped<ICompanyDirectory, CompanyDirectory>();
        services.AddScoped<SpecialistRoster>();
        services.AddScoped<BusinessCalendars>();

        // The key ring lives in the database with its secrets encrypted under the master key (kept outside it).
        services.AddDataProtection().SetApplicationName("nqba");
        services.AddSingleton<MasterKeyXmlEncryptor>();
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            o.XmlRepository = new MasterKeyEncryptedXmlRepository(
                new EntityFrameworkCoreXmlRepository<PlatformDbContext>(sp, sp.GetRequiredService<ILoggerFactory>()),
                sp.GetRequiredService<ILogger<MasterKeyEncryptedXmlRepository>>());
            o.XmlEncryptor = sp.GetRequiredService<MasterKeyXmlEncryptor>();
        });
        services.AddScoped<IDataSeeder, DataProtectionKeyEncryption>();
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BackupService>();
        services.AddJob<BackupJob, BackupOptions>(o => new JobPlan(
            JobSchedule.Every(TimeSpan.FromMinutes(1), startNow: true), JobMisfire.Skip, JobRetry.AtNextFire, Enabled: o.Enabled));
        services.AddOptions<ProtectionOptions>().BindConfiguration(ProtectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMasterKeyProvider, LocalMasterKeyProvider>();
        services.AddHostedService<KeyRingStartupCheck>();
        services.AddSingleton<ServerLock>();
        services.AddHostedService(sp => sp.GetRequiredService<ServerLock>());
        services.AddSingleton<ErasureJournal>();
        services.AddSingleton<FieldProtector>();
        services.AddSingleton<FieldEncryptionInterceptor>();
        services.AddHostedService<DestroyedKeyWatcher>();
        services.AddOptions<ResidencyOptions>().BindConfiguration(ResidencyOptions.SectionName);
        services.AddSingleton<ResidencyStores>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.SectionName).ValidateOnStart();
        services.AddSingleton<PublicUrlResolver>();
        services.AddSingleton<IPostConfigureOptions<PlatformOptions>>(sp => sp.GetRequiredService<PublicUrlResolver>());
        services.AddSingleton<IValidateOptions<PlatformOptions>>(sp => sp.GetRequiredService<PublicUrlResolver>());
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<INotificationService, NotificationService>();
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddSingleton<AuditChainKey>();
        services.AddSingleton<AuditAnchorFile>();
        services.AddScoped<IDataSeeder, AuditChainStartup>();
        services.AddPersonalData<MailOutbox>();
        services.AddSingleton<IAuditLedger, AuditLedger>();
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.SectionName);
        services.AddSingleton<OutboundPolicy>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditSearch>();
        services.AddScoped<DeadLetters>();

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new DefinedEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier);
            if (c.ProblemDetails is HttpValidationProblemDetails validation)
            {
                ValidationFieldNames.UseJsonNames(validation.Errors);
            }
        });
        services.AddExceptionHandler<NqbaExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidation();
        services.AddNqbaRateLimiting();
        services.AddNqbaHttps();
        services.AddNqbaReverseProxy();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<HttpLimitsOptions>>((o, limits) =>
            {
                o.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes;
                o.AddServerHeader = false; // "Server: Kestrel" tells an attacker what to try
            });
        services.AddOptions<FormOptions>().Configure<IOptions<HttpLimitsOptions>>((o, limits) => o.MultipartBodyLengthLimit = limits.Value.MaxRequestBodyBytes);

        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("nqba"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(NqbaTelemetry.Name, "Microsoft.EntityFrameworkCore", "Npgsql", "System.Runtime")
                .AddPrometheusExporter())
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(NqbaTelemetry.Name);
                if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                {
                    t.AddOtlpExporter();
                }
            });

        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseNqbaReverseProxy();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value.RedirectHttp && !app.Environment.IsDevelopment())
        {
            // Redirects only when an HTTPS address is configured (the default Urls include one).
            app.UseHsts();

            // Liveness and readiness answer on every address the server listens on: load balancers and the
            // platform's own self-check probe the plain-HTTP address, where a redirect to a self-signed HTTPS
            // certificate would read as an outage.
            app.UseWhen(c => !IsHealthProbe(c.Request.Path), a => a.UseMiddleware<HttpsRedirectMiddleware>());
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<QueryStringGuardMiddleware>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint();
        app.Use(async (context, next) =>
        {
            // The body limit is enforced for every server (Kestrel and the test host) from one setting.
            var limit = context.RequestServices.GetRequiredService<IOptions<HttpLimitsOptions>>().Value.MaxRequestBodyBytes;
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            await next(context);
        });
        return app;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UsePlatformAudit(this WebApplication app)
    {
        app.UseMiddleware<HttpAuditMiddleware>();
        return app;
    }

    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("NQBA API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).WithName("Live");
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).WithName("Ready");
        app.MapAuditEndpoints();
        app.MapEventEndpoints();
        app.MapCompanyEndpoints();
        app.MapHolidayEndpoints();
        app.MapCalendarEndpoints();
        app.MapJobEndpoints();
        return app;
    }
}
