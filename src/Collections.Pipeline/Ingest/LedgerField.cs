namespace Collections.Pipeline.Ingest;

/// <summary>The canonical columns of a ledger file (domain.md section 2).</summary>
public enum LedgerField
{
    CustomerId,
    CustomerName,
    ContactEmail,
    ContactName,
    CcEmails,
    Language,
    TimeZone,
    Country,
    CreditGrade,
    Entity,
    InvoiceId,
    InvoiceDate,
    DueDate,
    Currency,
    Amount,
    OpenAmount,
    Disputed,
    PoNumber,
    AsOf,
}
