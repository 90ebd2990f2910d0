using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class TicketCounterEntityTypeConfiguration : IEntityTypeConfiguration<TicketCounter>
{
    public void Configure(EntityTypeBuilder<TicketCounter> builder)
    {
        builder.ToTable("support_ticket_counters");
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}
