using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

/// <summary>The support chat context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresSupportChatDbContext(DbContextOptions<PostgresSupportChatDbContext> options, ITenantContext tenant) : SupportChatDbContext(options, tenant);
