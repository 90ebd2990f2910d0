namespace Nqba.Server.Modules.Scheduling.Pages;

/// <summary>The availability page's schedule form: name, zone and the week as rows (empty rows are left out).</summary>
internal sealed class AvailabilityForm
{
    public Guid? ScheduleId { get; set; }

    public int? Version { get; set; }

    public string? Name { get; set; }

    public string? TimeZone { get; set; }

    public bool MakeDefault { get; set; }

    public List<AvailabilityFormRow> Week { get; set; } = [];

    public string? Lang { get; set; }
}

/// <summary>One row of the week: ISO weekday and times as the browser sends them (HH:mm).</summary>
internal sealed class AvailabilityFormRow
{
    public string? Day { get; set; }

    public string? Opens { get; set; }

    public string? Closes { get; set; }
}

/// <summary>The availability page's date override form: a date, ranges as text ("09:00-12:00, 14:00-16:00") or unavailable.</summary>
internal sealed class OverrideForm
{
    public string? Date { get; set; }

    public string? Ranges { get; set; }

    public bool Unavailable { get; set; }

    public string? Note { get; set; }

    public string? Lang { get; set; }
}
