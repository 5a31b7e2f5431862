namespace Integration.Web.Docs;

/// <summary>One guide of docs/: <paramref name="Name"/> is its path there without <c>.md</c> (<c>webhooks</c>, <c>adr/0006-idempotency-keys</c>).</summary>
public sealed record Guide(string Name, string Title, string Markdown)
{
    public string FileName => Name + ".md";
}
