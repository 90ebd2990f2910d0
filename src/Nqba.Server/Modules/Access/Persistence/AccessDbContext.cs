using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.ApiKeys;
using Nqba.Server.Modules.Access.Organizations;
using Nqba.Server.Modules.Access.Privacy;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Access.Persistence;

/// <summary>Users, roles, MFA secrets, API keys and client organizations (tables prefixed <c>access_</c>).</summary>
[MigrationHistory("__ef_access")]
internal class AccessDbContext(DbContextOptions options, ITenantContext tenant)
    : IdentityDbContext<NqbaUser, NqbaRole, Guid>(options)
{
    public DbSet<ClientOrganization> Organizations => Set<ClientOrganization>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<PrivacyRequest> PrivacyRequests => Set<PrivacyRequest>();

    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();

    /// <summary>Read by the query filters each time a query runs (EF parameterizes context members).</summary>
    private Guid? TenantOrganizationId => tenant.OrganizationId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyPlatformConventions();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapModuleShared();

        builder.Entity<NqbaUser>(b =>
        {
            b.ToTable("access_users");
            // Encrypted (NqbaUser): room for the ciphertext of the longest value the API accepts.
            b.Property(u => u.UserName).HasMaxLength(1500);
            b.Property(u => u.Email).HasMaxLength(1500);
            b.Property(u => u.DisplayName).HasMaxLength(1000);
            b.HasOne<ClientOrganization>().WithMany().HasForeignKey(u => u.ClientOrganizationId).OnDelete(DeleteBehavior.Restrict);
            b.HasQueryFilter(u => TenantOrganizationId == null || u.ClientOrganizationId == TenantOrganizationId);
        });
        builder.Entity<NqbaRole>().ToTable("access_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("access_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("access_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("access_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("access_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("access_role_claims");

        builder.Entity<ClientOrganization>(b =>
        {
            b.ToTable("access_organizations");
            b.Property(o => o.Name).HasMaxLength(200);
            b.Property(o => o.Domain).HasMaxLength(253);
            b.Property(o => o.RegionCode).HasMaxLength(40);
            b.Property(o => o.Industry).HasMaxLength(100);
            b.HasIndex(o => o.Domain);
            b.Property(o => o.IntakeKey).HasMaxLength(300);
            b.HasIndex(o => o.IntakeKey).IsUnique();
            b.HasQueryFilter(o => TenantOrganizationId == null || o.Id == TenantOrganizationId);
        });

        builder.Entity<ApiKey>(b =>
        {
            b.ToTable("access_api_keys");
            b.Property(k => k.Name).HasMaxLength(100);
            b.Property(k => k.Prefix).HasMaxLength(16);
            b.Property(k => k.SecretHash).HasMaxLength(64);
            b.Property(k => k.Scopes).HasMaxLength(1000);
            b.Ignore(k => k.ScopeList);
            b.HasIndex(k => k.Prefix).IsUnique();
            b.HasIndex(k => k.ParentKeyId);
            b.HasOne<NqbaUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PrivacyRequest>(b =>
        {
            b.ToTable("access_privacy_requests");
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Law).HasConversion<string>().HasMaxLength(10);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.SubjectEmail).HasMaxLength(1000);
            b.Property(r => r.SubjectEmailHash).HasMaxLength(64);
            b.Property(r => r.CorrectionJson).HasMaxLength(2000);
            b.Property(r => r.CompletedBy).HasMaxLength(320);
            b.Property(r => r.Outcome).HasMaxLength(2000);
            b.Ignore(r => r.OwnerOrganizationId);
            b.HasIndex(r => new { r.Status, r.DueAt });
            b.HasIndex(r => r.SubjectEmailHash);
        });

        builder.Entity<ConsentRecord>(b =>
        {
            b.ToTable("access_consents");
            b.Property(c => c.SubjectEmailHash).HasMaxLength(64);
            b.Property(c => c.Purpose).HasMaxLength(40);
            b.Property(c => c.Source).HasMaxLength(40);
            b.Property(c => c.RecordedBy).HasMaxLength(320);
            b.HasIndex(c => new { c.SubjectEmailHash, c.Purpose });
            b.HasIndex(c => c.OrganizationId);
        });
    }
}
