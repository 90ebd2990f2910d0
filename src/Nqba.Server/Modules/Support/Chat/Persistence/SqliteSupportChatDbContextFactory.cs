using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

internal sealed class SqliteSupportChatDbContextFactory : DesignTimeContextFactory<SqliteSupportChatDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => SupportChatDbContextHistory.Table;

    protected override SqliteSupportChatDbContext Create(DbContextOptions<SqliteSupportChatDbContext> options) => new(options, SystemTenantContext.Instance);
}
