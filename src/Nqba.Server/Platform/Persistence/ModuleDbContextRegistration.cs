using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Observability;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// Registers a module's DbContext. Each module has one context type (its model) and one subclass per provider,
/// because each provider has its own generated migration set (STYLE.md: one migration set per provider).
/// </summary>
internal static class ModuleDbContextRegistration
{
    public static IHostApplicationBuilder AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IHostApplicationBuilder builder)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var historyTable = MigrationHistoryAttribute.Of(typeof(TContext));
        // Both provider contexts are registered; which one serves TContext is decided when it is resolved, from
        // the bound options, so configuration added late (tests, environment) is honoured.
        builder.Services.AddDbContext<TSqlite>((sp, options) =>
            options.UseNqbaSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().ContentRootPath, historyTable)
                .AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>(), sp.GetRequiredService<AuditOutboxInterceptor>(), sp.GetRequiredService<DbCommandTelemetryInterceptor>(), sp.GetRequiredService<FieldEncryptionInterceptor>(), sp.GetRequiredService<CompanyChangeInterceptor>()));
        builder.Services.AddDbContext<TPostgres>((sp, options) =>
            options.UseNqbaPostgres(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().ContentRootPath, historyTable)
                .AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>(), sp.GetRequiredService<AuditOutboxInterceptor>(), sp.GetRequiredService<DbCommandTelemetryInterceptor>(), sp.GetRequiredService<FieldEncryptionInterceptor>(), sp.GetRequiredService<CompanyChangeInterceptor>()));
        builder.Services.AddScoped<TContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<TPostgres>()
                : sp.GetRequiredService<TSqlite>());

        builder.Services.AddSingleton(new MigratableContext(typeof(TContext)));
        return builder;
    }

    public static DbContextOptionsBuilder UseNqbaSqlite(this DbContextOptionsBuilder options, DatabaseOptions db, string contentRoot, string historyTable) =>
        options.UseSqlite(db.ResolveConnectionString(contentRoot), o => o.MigrationsHistoryTable(historyTable).CommandTimeout(db.CommandTimeoutSeconds))
            .AddInterceptors(db.SqliteSynchronous == SqliteSynchronous.Full ? SqlitePragmaInterceptor.Full : SqlitePragmaInterceptor.Normal)
            .ConfigureWarnings(IgnoreProviderCount);

    public static DbContextOptionsBuilder UseNqbaPostgres(this DbContextOptionsBuilder options, DatabaseOptions db, string contentRoot, string historyTable) =>
        options.UseNpgsql(db.ResolveConnectionString(contentRoot), o => o.MigrationsHistoryTable(historyTable).CommandTimeout(db.CommandTimeoutSeconds))
            .ConfigureWarnings(IgnoreProviderCount);

    /// <summary>
    /// EF Core keeps one internal service provider per context type and host; a process that hosts many servers
    /// (the test suite starts dozens) passes EF's limit of 20 and would fail, though nothing leaks per request.
    /// The warning is logged instead of thrown.
    /// </summary>
    internal static void IgnoreProviderCount(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Log(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning);
}
