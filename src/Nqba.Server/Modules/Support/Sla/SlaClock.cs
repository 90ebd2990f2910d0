namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// The SLA clocks as a pure function of a ticket's history, its policy's targets and the working time of its
/// region: the same history always gives the same deadlines, so a changed policy or calendar is applied to open
/// tickets by computing again. The semantics are Zammad's: first response runs from opening to the first agent
/// response; the update (next response) clock runs from the client's first message (the opening) and from each
/// client message that comes unanswered, to the next agent response; resolution runs from opening to solved. A
/// reopen resumes what is pending: resolution always, first response when nobody had answered yet. Every clock
/// pauses while the ticket is pending on the client.
/// </summary>
internal static class SlaClock
{
    public static SlaDeadlines Compute(IReadOnlyList<SlaEvent> history, SlaTargets targets, IWorkingTime time, double warnShare)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(targets);
        var clock = targets.AroundTheClock ? AroundTheClock.Instance : time;
        var first = new Meter(SlaClockKind.FirstResponse, targets.FirstResponse, warnShare, clock);
        var next = new Meter(SlaClockKind.NextResponse, targets.NextResponse, warnShare, clock);
        var resolution = new Meter(SlaClockKind.Resolution, targets.Resolution, warnShare, clock);
        Meter[] meters = [first, next, resolution];
        var paused = false;
        var responded = false;
        foreach (var e in InOrder(history))
        {
            switch (e.Kind)
            {
                case SlaEventKind.Opened:
                    first.Start(e.At, paused);
                    next.Start(e.At, paused);
                    resolution.Start(e.At, paused);
                    break;
                case SlaEventKind.ClientMessage:
                    if (!next.Active && !resolution.Stopped)
                    {
                        next.Restart(e.At, paused);
                    }

                    break;
                case SlaEventKind.AgentResponse:
                    if (!responded)
                    {
                        responded = true;
                        first.Stop(e.At);
                    }

                    next.Stop(e.At);
                    break;
                case SlaEventKind.Paused when !paused:
                    paused = true;
                    foreach (var m in meters)
                    {
                        m.Pause(e.At);
                    }

                    break;
                case SlaEventKind.Resumed when paused:
                    paused = false;
                    foreach (var m in meters)
                    {
                        m.Resume(e.At);
                    }

                    break;
                case SlaEventKind.Solved or SlaEventKind.Closed:
                    // Solving answers nobody's next message and ends the resolution clock; an unanswered first response stays measured as missed or met.
                    paused = false;
                    first.Stop(e.At);
                    next.Stop(e.At);
                    resolution.Stop(e.At);
                    break;
                case SlaEventKind.Reopened:
                    resolution.Continue(e.At, paused);
                    if (!responded)
                    {
                        first.Continue(e.At, paused);
                    }

                    break;
                default:
                    break;
            }
        }

        return new SlaDeadlines(first.Read(), next.Read(), resolution.Read());
    }

    /// <summary>The history in time order (stable: equal instants keep their order); stored histories usually are already.</summary>
    private static IEnumerable<SlaEvent> InOrder(IReadOnlyList<SlaEvent> history)
    {
        for (var i = 1; i < history.Count; i++)
        {
            if (history[i].At < history[i - 1].At)
            {
                return history.OrderBy(e => e.At);
            }
        }

        return history;
    }

    /// <summary>One clock: the working time consumed in closed segments, and the segment running now. Without a target nothing falls due.</summary>
    private sealed class Meter(SlaClockKind kind, TimeSpan? target, double warnShare, IWorkingTime time)
    {
        private readonly TimeSpan? _warnTarget = target is { } t ? TimeSpan.FromTicks((long)(t.Ticks * warnShare)) : null;
        private DateTime? _cycleStart;
        private DateTime? _runningSince;
        private TimeSpan _consumed;
        private DateTime? _warnAt;
        private DateTime? _dueAt;
        private DateTime? _stoppedAt;

        public bool Active { get; private set; }

        public bool Stopped => _stoppedAt is not null && !Active;

        public void Start(DateTime at, bool paused)
        {
            _cycleStart = at;
            _consumed = TimeSpan.Zero;
            _warnAt = _dueAt = _stoppedAt = null;
            Active = true;
            _runningSince = paused ? null : at;
        }

        public void Restart(DateTime at, bool paused) => Start(at, paused);

        /// <summary>Resumes a stopped clock with what it had consumed (resolution after a reopen).</summary>
        public void Continue(DateTime at, bool paused)
        {
            if (_cycleStart is null || Active)
            {
                return;
            }

            Active = true;
            _stoppedAt = null;
            _runningSince = paused ? null : at;
        }

        public void Pause(DateTime at)
        {
            if (Active && _runningSince is { } since)
            {
                Close(since, at);
                _runningSince = null;
            }
        }

        public void Resume(DateTime at)
        {
            if (Active)
            {
                _runningSince = at;
            }
        }

        public void Stop(DateTime at)
        {
            if (!Active)
            {
                return;
            }

            if (_runningSince is { } since)
            {
                Close(since, at);
            }

            _runningSince = null;
            _stoppedAt = at;
            Active = false;
        }

        public SlaClockReading Read()
        {
            if (_cycleStart is null)
            {
                return SlaClockReading.Idle(kind);
            }

            var warnAt = _warnAt;
            var dueAt = _dueAt;
            if (Active && _runningSince is { } since && target is { } goal && _warnTarget is { } warnGoal)
            {
                // The running segment: the thresholds not yet crossed fall where the rest of the target runs out.
                warnAt ??= time.Add(since, warnGoal - _consumed);
                dueAt ??= time.Add(since, goal - _consumed);
            }
            else if (Active && _runningSince is null)
            {
                // Paused: nothing falls due until the client answers; thresholds already crossed stay where they were.
                return new SlaClockReading(kind, _cycleStart, _warnAt, _dueAt, Running: false, Paused: true, _consumed, null, Missed: _consumed >= target);
            }

            return Active
                ? new SlaClockReading(kind, _cycleStart, warnAt, dueAt, Running: true, Paused: false, _consumed, null, Missed: false)
                : new SlaClockReading(kind, _cycleStart, _warnAt, _dueAt, Running: false, Paused: false, _consumed, _stoppedAt, Missed: _consumed > target);
        }

        /// <summary>Adds a finished segment, pinning the warning and due instants if they fell inside it.</summary>
        private void Close(DateTime from, DateTime to)
        {
            var segment = time.Between(from, to);
            var after = _consumed + segment;
            if (_warnAt is null && _warnTarget is { } warnGoal && after >= warnGoal)
            {
                _warnAt = time.Add(from, warnGoal - _consumed);
            }

            if (_dueAt is null && target is { } goal && after >= goal)
            {
                _dueAt = time.Add(from, goal - _consumed);
            }

            _consumed = after;
        }
    }
}
