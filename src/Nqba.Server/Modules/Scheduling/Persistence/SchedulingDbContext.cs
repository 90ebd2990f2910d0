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
        modelBuilder.ApplyConfiguration(new MeetingTypeEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new AvailabilityOverrideEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new AvailabilityOverrideRangeEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new AvailabilityScheduleEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new AvailabilityRangeEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new TimeOffEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new BookingHostEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new BookingEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ScheduledJobEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ExternalCalendarEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FollowUpEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FollowUpActionItemEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new RoutedLeadEntityTypeConfiguration());
    }
}
