using System.Globalization;
using System.Net.Mail;
using NodaTime;
using Nqba.Optimization.Problems;
using Nqba.Optimization.Solvers;
using Nqba.Server.Modules.Scheduling.Availability;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Batch;

/// <summary>
/// Places many requested meetings at once: builds a <see cref="BatchSchedulingProblem"/> from the specialists' real
/// free time (working hours, holidays, overrides, time off, external calendars, existing meetings with their buffers),
/// solves it for the largest total priority, then books each placed meeting through <see cref="BookingService"/>, so
/// the database-enforced conflict check, reminders and invites apply as for any booking.
/// </summary>
/// <remarks>
/// Minutes are counted from a horizon that starts a day before the earliest window (on a UTC hour, so the grid meets
/// the slot steps) and ends a day after the latest, so busy time just outside the windows still keeps its buffer.
/// An existing meeting's buffer is added to its busy interval only where it exceeds the smallest buffer requested:
/// exact when buffers are equal (the default), never too close when they differ.
/// </remarks>
internal sealed class BatchScheduler(AvailabilityService availability, BookingService bookings, IAuditLedger audit)
{
    public const int MaxRequests = 500;
    private const int MaxWindows = 20;
    private static readonly Duration MaxSpan = Duration.FromDays(31);

    public async Task<Result<BatchSchedulingResult>> ScheduleAsync(BatchSchedulingRequest request, string actor, CancellationToken cancellationToken)
    {
        var company = await availability.CompanyAsync(cancellationToken);
        var now = availability.Now;
        var validated = await ValidateAsync(request, company, now, cancellationToken);
        if (!validated.Succeeded)
        {
            return validated.Error;
        }

        var items = validated.Value;
        var origin = Instant.FromUnixTimeSeconds(items.SelectMany(i => i.Windows).Min(w => w.Start).ToUnixTimeSeconds() / 3600 * 3600) - Duration.FromDays(1);
        var end = items.SelectMany(i => i.Windows).Max(w => w.End) + Duration.FromDays(1);
        var horizon = Ceiling(end - origin);
        var units = items.Select(i => i.UnitCode).Distinct(StringComparer.Ordinal).ToList();
        var rules = items.Select(i => i.Type).DistinctBy(t => t.Code).ToDictionary(t => t.Code, SlotRules.From, StringComparer.Ordinal);

        var people = new List<(SpecialistInfo Info, SpecialistSchedule Schedule)>();
        var specialists = new List<BatchSpecialist>();
        var located = company.Specialists.Where(s => units.Contains(s.UnitCode) && company.Region(s.RegionCode) is not null)
            .Select(s => (s, company.Region(s.RegionCode)!)).ToList();
        var schedules = await availability.LoadSchedulesAsync(located, origin, end, null, null, cancellationToken);
        foreach (var ((specialist, _), schedule) in located.Zip(schedules))
        {
            people.Add((specialist, schedule));
            specialists.Add(new BatchSpecialist(units.IndexOf(specialist.UnitCode), Available(schedule, origin, end, horizon, rules.Values), Busy(schedule, origin, horizon)));
        }

        var granule = items.Select(i => i.Type.SlotStepMinutes).Aggregate(Gcd);
        var unplaced = new List<BatchUnplacedMeeting>();
        var problemItems = new List<BatchItem>();
        var problemRequests = new List<BatchMeetingRequest>();
        foreach (var item in items)
        {
            var windows = StartWindows(item, rules[item.Type.Code], origin, now, granule);
            if (windows.Count == 0)
            {
                unplaced.Add(new BatchUnplacedMeeting(item.Index, string.Create(CultureInfo.InvariantCulture,
                    $"No window leaves room for the {item.Type.DurationMinutes}-minute meeting between the minimum notice ({item.Type.MinimumNoticeMinutes} minutes from now) and the end of the meeting type's booking window.")));
                continue;
            }

            var preferred = item.Preferred is { } p ? people.FindIndex(x => x.Info.Id == p) : -1;
            problemItems.Add(item);
            // One buffer each way for the plan: the larger of the type's two (exact for types that keep only an after-buffer,
            // as the seeded ones do); booking each placement then checks Cal.com's additive rule exactly.
            problemRequests.Add(new BatchMeetingRequest(units.IndexOf(item.UnitCode), item.Type.DurationMinutes, windows, item.Priority, preferred >= 0 ? preferred : null,
                Math.Max(item.Type.BeforeBufferMinutes, item.Type.AfterBufferMinutes)));
        }

        BatchSchedule? solved = null;
        var chosen = new List<(BatchItem Item, int Specialist, Instant Start)>();
        if (problemRequests.Count > 0)
        {
            var problem = new BatchSchedulingProblem(specialists, problemRequests, horizon, granule);
            var limit = TimeSpan.FromMilliseconds(request.TimeLimitMs ?? 2000);
            solved = await Task.Run(() => problem.Solve(new SolverOptions { TimeLimit = limit, Seed = 1 }, cancellationToken), cancellationToken);
            for (var r = 0; r < problemRequests.Count; r++)
            {
                if (solved.Placements[r] is { } placement)
                {
                    chosen.Add((problemItems[r], placement.Specialist, origin + Duration.FromMinutes(placement.Start)));
                }
                else
                {
                    unplaced.Add(new BatchUnplacedMeeting(problemItems[r].Index, problem.PlacementOptions(r) == 0
                        ? $"No specialist of {problemItems[r].UnitCode} is free for the whole meeting inside the client's windows (working hours, holidays, time off, calendars, other meetings and buffers)."
                        : "Its possible times went to requests of higher priority: the schedule places the largest total priority."));
                }
            }
        }

        var placed = new List<BatchPlacedMeeting>();
        var added = new Dictionary<int, List<BookedMeeting>>();
        foreach (var (item, s, start) in chosen.OrderByDescending(c => c.Item.Priority).ThenBy(c => c.Item.Index))
        {
            var (info, schedule) = people[s];
            var day = start.InZone(schedule.Zone).Date;
            var counted = added.TryGetValue(s, out var list) ? list : added[s] = [.. schedule.Booked];
            var typeRules = rules[item.Type.Code];
            if (!typeRules.Limits.Allow(counted, typeRules.TypeCode, day, typeRules.Length))
            {
                unplaced.Add(new BatchUnplacedMeeting(item.Index, $"{info.DisplayName} would exceed the booking limits of {item.Type.Code} that day, week or month."));
                continue;
            }

            Guid? bookingId = null;
            if (!request.DryRun)
            {
                var booked = await bookings.BookAsync(new BookMeetingRequest(item.Type.Code, start.ToDateTimeOffset(), item.Item.Name, item.Item.Email,
                    SpecialistId: info.Id, Notes: item.Item.Notes, TimeZone: item.Zone.Id, Language: item.Item.Language), actor, cancellationToken);
                if (!booked.Succeeded)
                {
                    unplaced.Add(new BatchUnplacedMeeting(item.Index, booked.Error.Detail));
                    continue;
                }

                bookingId = booked.Value.Id;
            }

            counted.Add(new BookedMeeting(item.Type.Code, day, item.Type.DurationMinutes));
            placed.Add(new BatchPlacedMeeting(item.Index, info.Id, info.DisplayName, item.Type.Code,
                start.InZone(item.Zone).ToDateTimeOffset(), (start + Duration.FromMinutes(item.Type.DurationMinutes)).InZone(item.Zone).ToDateTimeOffset(), item.Priority, bookingId));
        }

        placed.Sort((a, b) => a.Index.CompareTo(b.Index));
        unplaced.Sort((a, b) => a.Index.CompareTo(b.Index));
        var objective = placed.Sum(p => p.Priority);
        var result = new BatchSchedulingResult(
            request.DryRun,
            objective,
            Math.Max(objective, solved?.UpperBound ?? 0),
            solved is null || (solved.ProvenOptimal && placed.Count == chosen.Count),
            solved?.Method ?? "none",
            solved?.Elapsed.TotalMilliseconds ?? 0,
            placed,
            unplaced);
        if (!request.DryRun)
        {
            await audit.AppendAsync(new AuditRecord("scheduling.batch.scheduled", "batch", null, null,
                new { requests = items.Count, placed = placed.Count, unplaced = unplaced.Count, objective, bookings = placed.Select(p => p.BookingId).ToList(), actor }), cancellationToken);
        }

        return result;
    }

    /// <summary>Working intervals in horizon minutes (whole minutes inside), without days where no requested type is within its limits.</summary>
    private static List<MinuteInterval> Available(SpecialistSchedule schedule, Instant origin, Instant end, int horizon, IEnumerable<SlotRules> rules)
    {
        var list = new List<MinuteInterval>();
        for (var date = origin.InZone(schedule.Zone).Date; date <= end.InZone(schedule.Zone).Date; date = date.PlusDays(1))
        {
            if (!rules.Any(r => schedule.Allows(date, r)))
            {
                continue;
            }

            foreach (var day in schedule.IntervalsOn(date))
            {
                var start = Math.Max(0, Ceiling(day.Start - origin));
                var stop = Math.Min(horizon, Floor(day.End - origin));
                if (stop > start)
                {
                    list.Add(new MinuteInterval(start, stop));
                }
            }
        }

        return list;
    }

    /// <summary>Busy time in horizon minutes (covering every minute touched), each block widened by its own before- and after-buffer.</summary>
    private static List<MinuteInterval> Busy(SpecialistSchedule schedule, Instant origin, int horizon)
    {
        var list = new List<MinuteInterval>();
        foreach (var block in schedule.Busy)
        {
            var start = Math.Max(0, Floor(block.Start - block.Before - origin));
            var stop = Math.Min(horizon, Ceiling(block.End + block.After - origin));
            if (stop > start)
            {
                list.Add(new MinuteInterval(start, stop));
            }
        }

        return list;
    }

    /// <summary>The request's possible starts: the whole meeting inside a client window, after the notice, within the booking window, on its slot step.</summary>
    private static List<MinuteInterval> StartWindows(BatchItem item, SlotRules rules, Instant origin, Instant now, int granule)
    {
        var type = item.Type;
        // The client's zone stands in for the specialist's here; booking each placement checks the exact window.
        var (notice, last) = rules.Bounds(now, item.Zone);
        var windows = new List<MinuteInterval>();
        foreach (var window in item.Windows)
        {
            var first = Ceiling(Instant.Max(window.Start, notice) - origin);
            var lastStart = Floor(Instant.Min(window.End, last) - origin) - type.DurationMinutes;
            if (lastStart < first)
            {
                continue;
            }

            if (type.SlotStepMinutes == granule)
            {
                windows.Add(new MinuteInterval(first, lastStart + 1));
                continue;
            }

            for (var t = (first + type.SlotStepMinutes - 1) / type.SlotStepMinutes * type.SlotStepMinutes; t <= lastStart; t += type.SlotStepMinutes)
            {
                windows.Add(new MinuteInterval(t, t + 1));
            }
        }

        return windows;
    }

    private async Task<Result<List<BatchItem>>> ValidateAsync(BatchSchedulingRequest request, CompanySnapshot company, Instant now, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string[]>();
        if (request.TimeLimitMs is < 100 or > 10_000)
        {
            fields["timeLimitMs"] = ["timeLimitMs must be between 100 and 10000."];
        }

        if (request.Requests is not { Count: > 0 and <= MaxRequests } list)
        {
            fields["requests"] = [string.Create(CultureInfo.InvariantCulture, $"Give between 1 and {MaxRequests} meeting requests.")];
            return Error.Validation(fields);
        }

        var types = new Dictionary<string, MeetingType?>(StringComparer.Ordinal);
        var items = new List<BatchItem>();
        for (var i = 0; i < list.Count; i++)
        {
            string F(string name) => string.Create(CultureInfo.InvariantCulture, $"requests[{i}].{name}");
            if (list[i] is not { } q)
            {
                fields[string.Create(CultureInfo.InvariantCulture, $"requests[{i}]")] = ["A request must not be null."];
                continue;
            }

            var before = fields.Count;
            if (string.IsNullOrWhiteSpace(q.Name) || q.Name.Trim().Length > 200)
            {
                fields[F("name")] = ["The client's name is required (at most 200 characters)."];
            }

            if (string.IsNullOrWhiteSpace(q.Email) || q.Email.Length > 320 || !MailAddress.TryCreate(q.Email.Trim(), out var address) || address.Address != q.Email.Trim())
            {
                fields[F("email")] = ["A valid e-mail address is required."];
            }

            if (q.Notes is { Length: > 4000 })
            {
                fields[F("notes")] = ["Notes can be at most 4000 characters."];
            }

            if (q.Language is not null && !UiCultures.IsSupported(q.Language))
            {
                fields[F("language")] = ["language must be one of en, de, ja."];
            }

            var zone = string.IsNullOrWhiteSpace(q.TimeZone) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(q.TimeZone.Trim());
            if (!string.IsNullOrWhiteSpace(q.TimeZone) && zone is null)
            {
                fields[F("timeZone")] = [$"'{q.TimeZone}' is not an IANA time zone (e.g. Europe/Berlin)."];
            }

            MeetingType? type = null;
            if (string.IsNullOrWhiteSpace(q.MeetingType))
            {
                fields[F("meetingType")] = ["The meeting type is required (e.g. discovery-30)."];
            }
            else if (!types.TryGetValue(q.MeetingType.Trim(), out type))
            {
                type = types[q.MeetingType.Trim()] = await availability.FindTypeAsync(q.MeetingType, cancellationToken);
            }

            if (type is null && !fields.ContainsKey(F("meetingType")))
            {
                fields[F("meetingType")] = [$"Unknown meeting type '{q.MeetingType}'."];
            }

            var unit = string.IsNullOrWhiteSpace(q.UnitCode) ? null : company.Unit(q.UnitCode.Trim());
            if (unit is null)
            {
                fields[F("unitCode")] = [string.IsNullOrWhiteSpace(q.UnitCode) ? "The unit that holds the meeting is required (e.g. flyfox-ai)." : $"Unknown unit '{q.UnitCode}'."];
            }

            var priority = q.Priority ?? 1;
            if (!double.IsFinite(priority) || priority <= 0 || priority > BatchSchedulingProblem.MaxWeight)
            {
                fields[F("priority")] = ["priority must be a number above 0 and at most 1000000."];
            }

            if (q.PreferredSpecialistId is { } preferred && (unit is null || !company.Specialists.Any(s => s.Id == preferred && s.UnitCode == unit.Code)))
            {
                fields[F("preferredSpecialistId")] = ["The preferred specialist must be an active specialist of the request's unit."];
            }

            var windows = new List<Interval>();
            if (q.Windows is not { Count: > 0 and <= MaxWindows })
            {
                fields[F("windows")] = [string.Create(CultureInfo.InvariantCulture, $"Give between 1 and {MaxWindows} windows the client can meet in.")];
            }
            else
            {
                for (var j = 0; j < q.Windows.Count; j++)
                {
                    var w = q.Windows[j];
                    var field = F(string.Create(CultureInfo.InvariantCulture, $"windows[{j}]"));
                    var windowZone = zone;
                    if (w is not null && !string.IsNullOrWhiteSpace(w.TimeZone) && (windowZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(w.TimeZone.Trim())) is null)
                    {
                        fields[field + ".timeZone"] = [$"'{w.TimeZone}' is not an IANA time zone (e.g. Europe/Berlin)."];
                        continue;
                    }

                    var start = ParseInstant(w?.Start, windowZone, field + ".start", fields);
                    var stop = ParseInstant(w?.End, windowZone, field + ".end", fields);
                    if (start is not { } s || stop is not { } e)
                    {
                        continue;
                    }

                    if (e <= s || (type is not null && e - s < Duration.FromMinutes(type.DurationMinutes)))
                    {
                        fields[field + ".end"] = ["The window must end after it starts and be at least as long as the meeting."];
                    }
                    else if (s < now - Duration.FromDays(1) || e > now + Duration.FromDays(366))
                    {
                        fields[field] = ["Windows must lie between now and a year ahead."];
                    }
                    else
                    {
                        windows.Add(new Interval(s, e));
                    }
                }
            }

            if (fields.Count == before)
            {
                items.Add(new BatchItem(i, q, type!, unit!.Code, priority, windows, zone ?? DateTimeZone.Utc, q.PreferredSpecialistId));
            }
        }

        if (fields.Count == 0 && items.SelectMany(x => x.Windows).Max(w => w.End) - items.SelectMany(x => x.Windows).Min(w => w.Start) > MaxSpan)
        {
            fields["requests"] = ["All windows of one batch must lie within 31 days."];
        }

        return fields.Count > 0 ? Error.Validation(fields) : items;
    }

    private static Instant? ParseInstant(string? text, DateTimeZone? zone, string field, Dictionary<string, string[]> fields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fields[field] = ["Required: an ISO 8601 date-time with an offset (2026-12-03T08:00Z) or a local one with timeZone."];
            return null;
        }

        if (!DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            fields[field] = [$"'{text}' is not an ISO 8601 date-time."];
            return null;
        }

        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
            {
                return Instant.FromDateTimeOffset(offset);
            }

            fields[field] = [$"'{text}' is out of range."];
            return null;
        }

        if (zone is null)
        {
            fields[field] = [$"'{text}' has no offset: add one (…Z or …+01:00) or give the client's timeZone."];
            return null;
        }

        return LocalDateTime.FromDateTime(parsed).InZoneLeniently(zone).ToInstant();
    }

    private static int Floor(Duration d) => (int)Math.Floor(d.TotalMinutes);

    private static int Ceiling(Duration d) => (int)Math.Ceiling(d.TotalMinutes);

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
