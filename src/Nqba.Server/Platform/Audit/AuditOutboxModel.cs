using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Audit;

/// <summary>Mapping the audit outbox into a context, so audit records are saved in the transaction of their change.</summary>
internal static class AuditOutboxModel
{
    /// <summary>
    /// Maps <c>platform_audit_outbox</c> into this context for <see cref="IAuditLedger.Stage(Microsoft.EntityFrameworkCore.DbContext, AuditRecord)"/>.
    /// Only the platform's context (<paramref name="ownsTable"/>) creates it in its migrations.
    /// </summary>
    public static ModelBuilder MapAuditOutbox(this ModelBuilder modelBuilder, bool ownsTable = false)
    {
        modelBuilder.ApplyConfiguration(new StagedAuditEntryEntityTypeConfiguration(ownsTable));
        return modelBuilder;
    }
}
