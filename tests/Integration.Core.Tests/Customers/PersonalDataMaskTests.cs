using Integration.Core.Customers;

namespace Integration.Core.Tests.Customers;

/// <summary>domain.md › Customers: what a reader with customers:read but not customers:pii:read sees.</summary>
public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("138-1234-1234", "138****1234")]
    [InlineData("+86 138 1234 5678", "861****5678")]
    public void A_phone_keeps_its_first_three_and_last_four_digits(string phone, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Phone(phone));

    [Theory]
    [InlineData("zhang.sanfeng@example.com", "z***@example.com")]
    [InlineData("z@example.com", "z***@example.com")]
    public void An_email_keeps_the_first_character_and_the_domain(string email, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Email(email));

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("张三", "张*")]
    [InlineData("Li Wei", "L*****")]
    [InlineData("王", "王")]
    public void A_name_keeps_its_first_character_and_stars_each_other(string name, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Name(name));

    [Fact]
    public void An_address_is_reduced_to_its_city_level_region()
    {
        var address = new CustomerAddress("1200 Zhangjiang Road", "Shanghai", "CN-SH-PD", "201203", "CN");

        Assert.Equal(new CustomerAddress(null, null, "CN-SH-PD", null, "CN"), address.Masked());
    }
}
