using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Modules.Onboarding.Persistence;

internal sealed class OnboardingPaymentEntityTypeConfiguration(OnboardingDbContext context) : IEntityTypeConfiguration<OnboardingPayment>
{
    public void Configure(EntityTypeBuilder<OnboardingPayment> builder)
    {
        builder.ToTable("onboarding_payments");
        builder.Property(p => p.InvoiceNumber).HasMaxLength(OnboardingPayments.MaxInvoiceNumberLength);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.RecordedBy).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        // An invoice is recorded once per client.
        builder.HasIndex(p => new { p.OnboardingId, p.InvoiceNumber }).IsUnique();
        builder.HasQueryFilter(p => context.TenantOrganizationId == null || p.OrganizationId == context.TenantOrganizationId);
    }
}
