using System.Security.Cryptography;
using Asp.Versioning;
using Integration.Api.ApiDocs;
using Integration.Api.OAuth;
using Integration.Application.Audit;
using Integration.Application.Credentials;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Data;
using Integration.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Api.People;

/// <summary>Internal people who sign in to the console; admins add them and set their roles.</summary>
[ApiController]
[ApiVersion(1)]
[Route("admin/v{version:apiVersion}/people")]
public sealed class AdminPeopleController(UserManager<Person> people, IntegrationDbContext db, AuditLog audit, TimeProvider clock) : ControllerBase
{
    /// <summary>Adds a person with roles. The password for their first sign-in is in this answer only; at that sign-in they enroll an authenticator (TOTP).</summary>
    [HttpPost(Name = "CreatePerson")]
    [AdminAccess(AdminPermission.PeopleManage)]
    [ProducesResponseType<NewPersonResponse>(StatusCodes.Status201Created)]
    [ProblemResponses(409)]
    public async Task<IActionResult> Create(CreatePersonRequest request, CancellationToken cancellationToken)
    {
        var person = new Person { Id = Ids.New("psn"), UserName = request.Email, Email = request.Email, DisplayName = request.DisplayName, CreatedAt = clock.GetUtcNow() };
        person.ChangeRoles(request.Roles);
        var password = InitialPassword();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var created = await people.CreateAsync(person, password);
        if (!created.Succeeded)
        {
            throw new DomainException(ErrorKind.Conflict, "person_exists", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await audit.AppendAsync(new AuditRecord(Actor, "person.created", person.Id,
            Details: new { person.Email, roles = person.Roles.Select(SnakeCase.Of) }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CreatedAtRoute("GetPerson", new { id = person.Id, version = "1" }, new NewPersonResponse(PersonResponse.From(person), password));
    }

    [HttpGet("{id}", Name = "GetPerson")]
    [AdminAccess(AdminPermission.PeopleManage)]
    public async Task<PersonResponse> Get(string id) => PersonResponse.From(await FindAsync(id));

    /// <summary>Replaces a person's roles; their session loses a role taken away on its next request.</summary>
    [HttpPut("{id}/roles", Name = "ChangePersonRoles")]
    [AdminAccess(AdminPermission.PeopleManage)]
    [ProblemResponses(404, 422)]
    public async Task<PersonResponse> ChangeRoles(string id, ChangeRolesRequest request, CancellationToken cancellationToken)
    {
        var person = await FindAsync(id);
        var before = person.Roles.ToList();
        person.ChangeRoles(request.Roles);
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await people.UpdateAsync(person);
        await audit.AppendAsync(new AuditRecord(Actor, "person.roles_changed", person.Id,
            Details: new { before = before.Select(SnakeCase.Of), after = person.Roles.Select(SnakeCase.Of) }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PersonResponse.From(person);
    }

    /// <summary>A password that meets the rules: 24 characters from a random source, with each kind of character.</summary>
    public static string InitialPassword() => "Pw1-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');

    private string Actor => HttpContext.GetCaller()!.ClientId;

    private async Task<Person> FindAsync(string id) => await people.FindByIdAsync(id) ?? throw DomainException.NotFound("person", id);
}
