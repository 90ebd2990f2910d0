namespace Nqba.Server.Modules.Support.Import;

/// <summary>Who asked, in an imported ticket: a name, an address or both.</summary>
internal sealed class ImportedCustomer
{
    public string? Name { get; set; }

    public string? Email { get; set; }
}
