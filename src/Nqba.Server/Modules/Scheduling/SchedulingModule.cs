using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Scheduling.Availability;
using Nqba.Server.Modules.Scheduling.Batch;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Briefings;
using Nqba.Server.Modules.Scheduling.Calendars;
using Nqba.Server.Modules.Scheduling.FollowUps;
using Nqba.Server.Modules.Scheduling.Import;
using Nqba.Server.Modules.Scheduling.Invites;
using Nqba.Server.Modules.Scheduling.Leads;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Modules.Scheduling.Pages;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Modules.Scheduling.Privacy;
using Nqba.Server.Modules.Scheduling.Reminders;
using Nqba.Server.Modules.Scheduling.StaffCalendar;
using Nqba.Server.Modules.Scheduling.Video;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Outbound;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>Availability, conflict-free booking, invites, reminders, briefings, follow-ups and batch scheduling.</summary>
public static class SchedulingModule
{
    public static IHostApplicationBuilder AddSchedulingModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<SchedulingDbContext, SqliteSchedulingDbContext, PostgresSchedulingDbContext>();
        services.AddScoped<IDataSeeder, MeetingTypeSeeder>();
        services.AddScoped<AvailabilityService>();
        services.AddScoped<AvailabilitySchedules>();
        services.AddScoped<MeetingTypeCatalog>();
        services.AddScoped<BookingImport>();
        services.AddSingleton<BusyFeedCache>();
        services.AddScoped<BookingService>();
        services.AddScoped<BookingQueries>();
        services.AddScoped<Pages.Booker>();
        services.AddScoped<ILeadMeetings, LeadMeetings>();
        services.AddScoped<FollowUpService>();
        services.AddScoped<BatchScheduler>();
        services.AddPersonalData<SchedulingPersonalData>();
        services.AddSingleton<BookingLinks>();
        services.AddHttpClient(VendorHttp.ClientName, c =>
        {
            // Each provider call has its own deadline (Scheduling:Video:Timeout); this only bounds a stuck one.
            c.Timeout = TimeSpan.FromMinutes(2);
            c.DefaultRequestHeaders.UserAgent.ParseAdd("nqba-scheduling/1.0");
        }).UseOutboundPolicy();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<IVideoProvider, JitsiVideoProvider>();
        services.AddSingleton<IVideoProvider, ZoomVideoProvider>();
        services.AddSingleton<IVideoProvider, TeamsVideoProvider>();
        services.AddSingleton<IVideoProvider, GoogleMeetVideoProvider>();
        services.AddSingleton<VideoLinks>();
        services.AddScoped<InviteBuilder>();
        services.AddScoped<BookingMailer>();
        services.AddScoped<BriefingService>();
        services.AddScoped<CalendarBuilder>();
        services.AddScoped<IEventSubscriber<MeetingBooked>>(sp => sp.GetRequiredService<BookingMailer>());
        services.AddScoped<IEventSubscriber<MeetingRescheduled>>(sp => sp.GetRequiredService<BookingMailer>());
        services.AddScoped<IEventSubscriber<MeetingCancelled>>(sp => sp.GetRequiredService<BookingMailer>());
        services.AddScoped<IEventSubscriber<MeetingRequested>>(sp => sp.GetRequiredService<BookingMailer>());
        services.AddScoped<IEventSubscriber<MeetingDeclined>>(sp => sp.GetRequiredService<BookingMailer>());
        services.AddScoped<CopyRoutedLead>();
        services.AddScoped<IEventSubscriber<LeadRouted>>(sp => sp.GetRequiredService<CopyRoutedLead>());
        services.AddScoped<IEventSubscriber<AssessmentCompleted>>(sp => sp.GetRequiredService<CopyRoutedLead>());
        services.AddHttpClient(FeedFetcher.ClientName, c =>
        {
            c.Timeout = TimeSpan.FromSeconds(20);
            c.DefaultRequestHeaders.UserAgent.ParseAdd("nqba-scheduling/1.0");
        }).UseOutboundPolicy();
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton<JobRunner>();
        services.AddJob<ReminderJob, SchedulingOptions>(o => new JobPlan(
            JobSchedule.Every(o.JobPollInterval, startNow: true), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.JobsEnabled));
        return builder;
    }

    public static IEndpointRouteBuilder MapSchedulingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAvailabilityEndpoints();
        app.MapMeetingTypeEndpoints();
        app.MapBookingImportEndpoints();
        app.MapBookingEndpoints();
        app.MapBookingFormEndpoints();
        app.MapFollowUpEndpoints();
        app.MapBatchEndpoints();
        app.MapBriefingEndpoints();
        app.MapCalendarEndpoints();
        app.MapStaffBookingFormEndpoints();
        app.MapAvailabilityFormEndpoints();
        app.MapMeetingTypeFormEndpoints();
        return app;
    }
}
