using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Runbooks;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class RunbookRunEntityTypeConfiguration : IEntityTypeConfiguration<RunbookRun>
{
    public void Configure(EntityTypeBuilder<RunbookRun> builder)
    {
        builder.ToTable("monitoring_runbook_runs");
        builder.Property(r => r.Outcome).HasMaxLength(1000);
        builder.HasOne<Runbook>().WithMany().HasForeignKey(r => r.RunbookId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RunbookId, r.At });
    }
}
