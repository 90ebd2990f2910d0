using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Intake.Contacts;

namespace Nqba.Server.Modules.Intake.Persistence;

internal sealed class ContactEntityTypeConfiguration(IntakeDbContext context) : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("intake_contacts");
        builder.Property(c => c.Name).HasMaxLength(1000);
        builder.Property(c => c.Email).HasMaxLength(1000);
        builder.Property(c => c.EmailHash).HasMaxLength(64);
        builder.Property(c => c.Phone).HasMaxLength(200);
        builder.Property(c => c.Language).HasMaxLength(10);
        builder.Ignore(c => c.OwnerOrganizationId);
        builder.HasIndex(c => c.EmailHash).IsUnique();
        builder.HasIndex(c => c.ClientOrganizationId);
        builder.HasQueryFilter(c => context.TenantOrganizationId == null || c.ClientOrganizationId == context.TenantOrganizationId);
    }
}
