using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

internal sealed class PostgresSupportChatDbContextFactory : DesignTimeContextFactory<PostgresSupportChatDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => SupportChatDbContextHistory.Table;

    protected override PostgresSupportChatDbContext Create(DbContextOptions<PostgresSupportChatDbContext> options) => new(options, SystemTenantContext.Instance);
}
