// Two tiny "modules" in the test assembly, for ModuleBoundaryTests to prove it finds a violation: Alpha's page
// uses Beta's contract (allowed) and Beta's persistence (not allowed).
#pragma warning disable CA1812, CA1852, S2094, S1144

namespace Nqba.Server.Tests.Architecture.Planted.Modules.Alpha
{
    internal static class Marker
    {
        public const string Root = "Nqba.Server.Tests.Architecture.Planted.Modules";
    }
}

namespace Nqba.Server.Tests.Architecture.Planted.Modules.Alpha.Pages
{
    internal sealed class ReachesIntoBeta
    {
        public Beta.Persistence.BetaRow Row { get; } = new();
    }

    internal sealed class UsesBetasContract
    {
        public Beta.BetaHappened Event { get; } = new();
    }
}

namespace Nqba.Server.Tests.Architecture.Planted.Modules.Beta
{
    internal sealed class BetaHappened
    {
    }
}

namespace Nqba.Server.Tests.Architecture.Planted.Modules.Beta.Persistence
{
    internal sealed class BetaRow
    {
    }
}
