using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Availability;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Calendars;
using Nqba.Server.Modules.Scheduling.FollowUps;
using Nqba.Server.Modules.Scheduling.Leads;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Modules.Scheduling.Reminders;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Scheduling.Persistence;

/// <summary>Meeting types, availability, bookings, follow-ups, jobs and the copy of routed leads; tables prefixed <c>scheduling_</c>.</summary>
[MigrationHistory("__ef_scheduling")]
internal class SchedulingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<MeetingType> MeetingTypes => Set<MeetingType>();

    public DbSet<AvailabilityOverride> Overrides => Set<AvailabilityOverride>();

    public DbSet<AvailabilitySchedule> Schedules => Set<AvailabilitySchedule>();

    public DbSet<TimeOff> TimeOff => Set<TimeOff>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<BookingHost> BookingHosts => Set<BookingHost>();

    /// <summary>A collective meeting's further hosts (none for a meeting with one specialist).</summary>
    public Task<List<Guid>> CoHostsOfAsync(Guid bookingId, CancellationToken cancellationToken) =>
        BookingHosts.AsNoTracking().Where(h => h.BookingId == bookingId).Select(h => h.SpecialistId).ToListAsync(cancellationToken);

    /// <summary>The bookings of <paramref name="query"/> that take the time of one of <paramref name="specialistIds"/>: their own and those they co-host.</summary>
    public IQueryable<Booking> HostedBy(IQueryable<Booking> query, IReadOnlyCollection<Guid> specialistIds) =>
        query.Where(b => specialistIds.Contains(b.SpecialistId) || BookingHosts.Any(h => h.BookingId == b.Id && specialistIds.Contains(h.SpecialistId)));

    public DbSet<ScheduledJob> Jobs => Set<ScheduledJob>();

    public DbSet<RoutedLead> RoutedLeads => Set<RoutedLead>();

    public DbSet<ExternalCalendar> ExternalCalendars => Set<ExternalCalendar>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MeetingType>(b =>
        {
            b.ToTable("scheduling_meeting_types");
            b.Property(t => t.Code).HasMaxLength(40);
            b.Property(t => t.Name).HasMaxLength(200);
            b.Property(t => t.WindowKind).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.ScheduleName).HasMaxLength(100);
            b.Property(t => t.Assignment).HasConversion<string>().HasMaxLength(20);
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => t.Code).IsUnique();
        });
        modelBuilder.Entity<AvailabilityOverride>(b =>
        {
            b.ToTable("scheduling_overrides");
            b.Property(o => o.Note).HasMaxLength(500);
            b.Property(o => o.Version).IsConcurrencyToken();
            b.HasIndex(o => new { o.SpecialistId, o.Date }).IsUnique();
            b.HasMany(o => o.Ranges).WithOne().HasForeignKey(r => r.OverrideId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AvailabilityOverrideRange>(b =>
        {
            b.ToTable("scheduling_override_ranges");
            b.HasKey(r => new { r.OverrideId, r.Opens });
        });
        modelBuilder.Entity<AvailabilitySchedule>(b =>
        {
            b.ToTable("scheduling_availability_schedules");
            b.Property(s => s.Name).HasMaxLength(100);
            b.Property(s => s.TimeZone).HasMaxLength(64);
            b.Property(s => s.Version).IsConcurrencyToken();
            b.HasIndex(s => new { s.SpecialistId, s.Name }).IsUnique();
            // One default schedule per specialist, whatever two writers do at once.
            b.HasIndex(s => s.SpecialistId, "IX_scheduling_availability_schedules_default").IsUnique().HasFilter("\"IsDefault\"");
            b.HasMany(s => s.Ranges).WithOne().HasForeignKey(r => r.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AvailabilityRange>(b =>
        {
            b.ToTable("scheduling_availability_ranges");
            b.HasKey(r => new { r.ScheduleId, r.Day, r.Opens });
        });
        modelBuilder.Entity<TimeOff>(b =>
        {
            b.ToTable("scheduling_time_off");
            b.Property(t => t.Reason).HasMaxLength(500);
            b.HasIndex(t => new { t.SpecialistId, t.Start });
        });
        modelBuilder.Entity<BookingHost>(b =>
        {
            b.ToTable("scheduling_booking_hosts");
            b.HasKey(h => new { h.BookingId, h.SpecialistId });
            b.HasIndex(h => h.SpecialistId);
            b.HasOne<Booking>().WithMany().HasForeignKey(h => h.BookingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Booking>(b =>
        {
            b.ToTable("scheduling_bookings");
            b.Property(x => x.MeetingTypeCode).HasMaxLength(40);
            b.Property(x => x.ClientName).HasMaxLength(1000);
            b.Property(x => x.ClientEmail).HasMaxLength(1000);
            b.Property(x => x.ClientEmailHash).HasMaxLength(64);
            b.Property(x => x.Notes).HasMaxLength(12000);
            b.Property(x => x.ClientTimeZone).HasMaxLength(64);
            b.Property(x => x.Language).HasMaxLength(10);
            b.Property(x => x.VideoUrl).HasMaxLength(2000);
            b.Property(x => x.VideoProvider).HasMaxLength(40);
            b.Property(x => x.VideoMeetingId).HasMaxLength(200);
            b.Property(x => x.VideoNote).HasMaxLength(1000);
            b.Property(x => x.CancelReason).HasMaxLength(1000);
            b.Property(x => x.ChangedBy).HasMaxLength(320);
            b.Property(x => x.ImportSource).HasMaxLength(40);
            b.Property(x => x.ExternalId).HasMaxLength(200);
            b.HasIndex(x => new { x.ImportSource, x.ExternalId }).IsUnique();
            b.Ignore(x => x.OwnerOrganizationId);
            b.HasIndex(x => new { x.SpecialistId, x.Start });
            b.HasIndex(x => x.ClientEmailHash);
            b.HasIndex(x => x.LeadId);
        });
        modelBuilder.Entity<ScheduledJob>(b =>
        {
            b.ToTable("scheduling_jobs");
            b.Property(j => j.LastError).HasMaxLength(2000);
            b.HasOne<Booking>().WithMany().HasForeignKey(j => j.BookingId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(j => new { j.DoneAt, j.DueAt });
        });
        modelBuilder.Entity<ExternalCalendar>(b =>
        {
            b.ToTable("scheduling_external_calendars");
            b.Property(c => c.Name).HasMaxLength(200);
            b.Property(c => c.Url).HasMaxLength(2000);
            b.Property(c => c.LastError).HasMaxLength(2000);
            b.HasIndex(c => c.SpecialistId);
        });
        modelBuilder.Entity<FollowUp>(b =>
        {
            b.ToTable("scheduling_follow_ups");
            b.Property(f => f.Outcome).HasMaxLength(20);
            b.Property(f => f.Notes).HasMaxLength(12000);
            b.Property(f => f.SuggestedMeetingType).HasMaxLength(40);
            b.Property(f => f.CreatedBy).HasMaxLength(320);
            b.Ignore(f => f.OwnerOrganizationId);
            b.HasOne<Booking>().WithMany().HasForeignKey(f => f.BookingId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(f => f.BookingId).IsUnique();
            b.HasMany(f => f.ActionItems).WithOne().HasForeignKey(a => a.FollowUpId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FollowUpActionItem>(b =>
        {
            b.ToTable("scheduling_follow_up_action_items");
            b.Property(a => a.Description).HasMaxLength(4000);
            b.Property(a => a.Owner).HasMaxLength(1000);
            b.Ignore(a => a.OwnerOrganizationId);
            b.HasIndex(a => new { a.FollowUpId, a.Position });
        });
        modelBuilder.Entity<RoutedLead>(b =>
        {
            b.ToTable("scheduling_routed_leads");
            b.HasKey(l => l.LeadId);
            b.Property(l => l.UnitCode).HasMaxLength(40);
            b.Property(l => l.RoutingReason).HasMaxLength(2000);
            b.Property(l => l.RoutingMethod).HasMaxLength(40);
            b.Property(l => l.RecommendedUnit).HasMaxLength(40);
            b.Property(l => l.RunnerUpUnit).HasMaxLength(40);
            b.Property(l => l.MeetingType).HasMaxLength(40);
        });
    }
}
