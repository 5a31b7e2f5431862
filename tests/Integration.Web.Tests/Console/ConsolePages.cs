using Microsoft.Playwright;

namespace Integration.Web.Tests.Console;

/// <summary>What the console's browser tests do again and again: sign a person in, forge a post from their session.</summary>
public static class ConsolePages
{
    /// <summary>A new internal person with the roles, signed in through the page in a browser context of their own.</summary>
    public static async Task<(IPage Page, InternalPerson Person)> SignedInAsync(this BrowserPlatform platform, params string[] roles)
    {
        var person = await platform.NewInternalPersonAsync(roles);
        var page = await platform.NewPageAsync();
        await BrowserPlatform.SignInAsync(page, person.Email, person.Password, person.AuthenticatorKey);
        await page.WaitForURLAsync("**/console");
        return (page, person);
    }

    /// <summary>
    /// What a person could send without the button: the form's handler name and fields, with the antiforgery token the
    /// page itself carries (read from the DOM) and the session's cookies — everything a real post has.
    /// </summary>
    public static async Task<IAPIResponse> ForgedPostAsync(IPage page, string path, string handler, params (string Name, string Value)[] fields)
    {
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(token), "the page carries no antiforgery token");
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("_handler", handler);
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }
        return await page.APIRequest.PostAsync(path, new() { Form = form });
    }
}
