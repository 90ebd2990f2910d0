using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Chat.Bot;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Modules.Support.Knowledge;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>Wiring of the knowledge base, the bot and live chat.</summary>
internal static class SupportChatRegistration
{
    public static IHostApplicationBuilder AddSupportChat(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SupportChatOptions>().BindConfiguration(SupportChatOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<SupportChatDbContext, SqliteSupportChatDbContext, PostgresSupportChatDbContext>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<IKnowledgeSearch>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
            ? new PostgresKnowledgeSearch(sp.GetRequiredService<SupportChatDbContext>())
            : new SqliteKnowledgeSearch(sp.GetRequiredService<SupportChatDbContext>()));
        services.AddScoped<KnowledgeService>();
        services.AddScoped<KnowledgeQueries>();
        services.AddScoped<ChatBot>();
        services.AddScoped<ChatService>();
        services.AddScoped<AgentPresenceTracker>();
        services.AddSingleton<ChatNotifier>();
        services.AddSingleton<VisitorRateLimitFilter>();
        services.AddJob<ChatPickupJob, SupportChatOptions>(o => new JobPlan(
            JobSchedule.Every(o.PickupCheckInterval), JobMisfire.FireOnceNow, JobRetry.AtNextFire));
        services.AddScoped<ChatSlaWatch>();
        services.AddJob<ChatSlaJob, SupportOptions, SupportChatOptions>((support, chat) => new JobPlan(
            JobSchedule.Every(chat.SlaCheckInterval), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: support.SlaWatchEnabled));

        var signalR = services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new DefinedEnumConverter()))
            .AddHubOptions<VisitorHub>(o => o.AddFilter<VisitorRateLimitFilter>());
        if (builder.Configuration["Redis:Connection"] is { Length: > 0 } redis)
        {
            // Several instances: messages reach consoles and widgets connected to any of them.
            signalR.AddStackExchangeRedis(redis);
        }

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<SupportChatOptions>>((cors, chat) => cors.AddPolicy(WidgetCorsStartupFilter.Policy, policy =>
        {
            policy = chat.Value.WidgetOrigins.Count == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins([.. chat.Value.WidgetOrigins]);
            policy.AllowAnyHeader().WithMethods("GET", "POST");
        }));
        services.AddTransient<IStartupFilter, WidgetCorsStartupFilter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSupportChat(IEndpointRouteBuilder app)
    {
        app.MapKnowledgeEndpoints();
        app.MapChatEndpoints();
        app.MapHub<VisitorHub>(VisitorHub.Path).RequireRateLimiting(RateLimiting.PublicForms);
        app.MapHub<AgentHub>(AgentHub.Path);
        return app;
    }
}
