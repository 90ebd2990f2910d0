using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqliteSupportChatDbContextFactory : SqliteDesignTimeFactory<SqliteSupportChatDbContext>;

internal sealed class PostgresSupportChatDbContextFactory : PostgresDesignTimeFactory<PostgresSupportChatDbContext>;
