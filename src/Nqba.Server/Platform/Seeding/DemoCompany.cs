namespace Nqba.Server.Platform.Seeding;

/// <summary>Stable ids of the demo company's records, so modules seed consistent references.</summary>
internal static class DemoCompany
{
    public static readonly Guid FlyfoxAi = new("0a0b0c0d-0000-4000-8000-000000000001");
    public static readonly Guid SigmaSelect = new("0a0b0c0d-0000-4000-8000-000000000002");
    public static readonly Guid GoliathTrade = new("0a0b0c0d-0000-4000-8000-000000000003");
    public static readonly Guid NqbaCore = new("0a0b0c0d-0000-4000-8000-000000000004");

    public static readonly Guid UsEast = new("0a0b0c0d-0000-4000-8000-000000000011");
    public static readonly Guid UsWest = new("0a0b0c0d-0000-4000-8000-000000000012");
    public static readonly Guid Europe = new("0a0b0c0d-0000-4000-8000-000000000013");
    public static readonly Guid Apac = new("0a0b0c0d-0000-4000-8000-000000000014");

    public static readonly Guid AcmeCorp = new("0a0b0c0d-0000-4000-8000-000000000101");
    public static readonly Guid NordWerk = new("0a0b0c0d-0000-4000-8000-000000000102");
    public static readonly Guid SakuraCapital = new("0a0b0c0d-0000-4000-8000-000000000103");
    public static readonly Guid PacificRetail = new("0a0b0c0d-0000-4000-8000-000000000104");
}
