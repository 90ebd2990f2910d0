using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Calendar;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform;

/// <summary>The shared kernel's tables: event log, audit ledger, business units, regions and calendars, specialists.</summary>
[MigrationHistory("__ef_platform")]
internal class PlatformDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data-protection keys (cookies, anti-forgery), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StoredEvent> Events => Set<StoredEvent>();

    public DbSet<EventDelivery> EventDeliveries => Set<EventDelivery>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StagedAuditEntry> StagedAuditEntries => Set<StagedAuditEntry>();

    public DbSet<BusinessUnit> BusinessUnits => Set<BusinessUnit>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<WorkingCalendar> Calendars => Set<WorkingCalendar>();

    public DbSet<CalendarHoliday> Holidays => Set<CalendarHoliday>();

    public DbSet<Specialist> Specialists => Set<Specialist>();

    public DbSet<DataKey> DataKeys => Set<DataKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyPlatformConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapEventOutbox(ownsTable: true);
        modelBuilder.ApplyConfiguration(new EventDeliveryEntityTypeConfiguration());
        modelBuilder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");
        modelBuilder.ApplyConfiguration(new AuditEntryEntityTypeConfiguration());
        modelBuilder.MapAuditOutbox(ownsTable: true);
        modelBuilder.ApplyConfiguration(new BusinessUnitEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new RegionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new WorkingCalendarEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new WorkingCalendarIntervalEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new CalendarHolidayEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new SpecialistEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new DataKeyEntityTypeConfiguration());
    }
}
