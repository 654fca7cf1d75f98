#!/usr/bin/env perl
# Writes the three tiny MMDB fixtures that MmdbGeoLookupTest reads. They are committed next to this script, so
# the build never needs Perl; run this only to change them.
#
# Regenerate (Debian/Ubuntu):
#   apt-get install -y libmaxmind-db-writer-perl
#   cd vigil-core/src/test/resources/dev/vigil/core/enrich && perl make-test-mmdb.pl
#
# Why these networks: documentation ranges (RFC 5737 IPv4, RFC 3849 IPv6) and documentation AS numbers
# (RFC 5398: 64496-64511) can never collide with a real customer, so a test cannot leak or depend on real
# data; 8.8.8.0/24 and 1.1.1.0/24 stand in for "a well-known public range". The values are made up and only
# need to be distinct per file so a test can tell which file a field came from.
#
#   test-city.mmdb     MaxMind/DB-IP City schema (country.iso_code, subdivisions[0].iso_code, city.names.en,
#                      location.latitude/longitude as doubles); IPv6 tree with IPv4 mapped in.
#   test-asn.mmdb      MaxMind ASN schema (autonomous_system_number, autonomous_system_organization); IPv6 tree.
#   test-iplocdb.mmdb  ip-location-db npm schema (flat country_code, state1, city, latitude/longitude as
#                      floats, autonomous_system_number/organization); an IPv4-only tree, as those files are.
use strict;
use warnings;
use MaxMind::DB::Writer::Tree;

# A fixed build time keeps the files byte-identical between runs (2026-01-01T00:00:00Z).
my $BUILD_EPOCH = 1767225600;

my %types = (
    autonomous_system_number       => 'uint32',
    autonomous_system_organization => 'utf8_string',
    city                           => 'map',
    country                        => 'map',
    iso_code                       => 'utf8_string',
    latitude                       => 'double',
    longitude                      => 'double',
    location                       => 'map',
    names                          => 'map',
    en                             => 'utf8_string',
    de                             => 'utf8_string',
    subdivisions                   => [ 'array', 'map' ],
);

my %flat_types = (
    autonomous_system_number       => 'uint32',
    autonomous_system_organization => 'utf8_string',
    country_code                   => 'utf8_string',
    state1                         => 'utf8_string',
    city                           => 'utf8_string',
    latitude                       => 'float',
    longitude                      => 'float',
);

sub write_db {
    my ( $file, $ip_version, $type, $key_types, @networks ) = @_;
    my $tree = MaxMind::DB::Writer::Tree->new(
        ip_version               => $ip_version,
        record_size              => 24,
        database_type            => $type,
        languages                => ['en'],
        description              => { en => "Vigil test fixture ($type)" },
        map_key_type_callback    => sub { $key_types->{ $_[0] } },
        remove_reserved_networks => 0,
        # Broader networks are inserted first; a later, more specific one replaces its part.
        merge_strategy           => 'none',
    );
    $tree->_set_build_epoch($BUILD_EPOCH);
    while ( my ( $network, $data ) = splice @networks, 0, 2 ) {
        $tree->insert_network( $network, $data );
    }
    open my $fh, '>:raw', $file or die "cannot write $file: $!";
    $tree->write_tree($fh);
    close $fh or die "cannot close $file: $!";
}

sub city {
    my (%f) = @_;
    my %record = ( country => { iso_code => $f{country} } );
    $record{subdivisions} = [ { iso_code => $f{region} } ] if $f{region};
    $record{city} = { names => { en => $f{city}, de => $f{city_de} // $f{city} } } if $f{city};
    $record{location} = { latitude => $f{lat}, longitude => $f{lon} } if defined $f{lat};
    return \%record;
}

write_db(
    'test-city.mmdb', 6, 'Vigil-Test-City', \%types,
    '81.2.69.0/24'     => city( country => 'GB', region => 'ENG', city => 'London', lat => 51.5142, lon => -0.0931 ),
    '192.0.2.0/24'     => city( country => 'DE', region => 'BE', city => 'Berlin', lat => 52.52, lon => 13.405 ),
    # Country only: the other files must fill city and location.
    '198.51.100.0/24'  => city( country => 'US' ),
    '8.8.8.0/24'       => city( country => 'US', city => 'Mountain View', lat => 37.386, lon => -122.0838 ),
    '2001:db8::/32'    => city( country => 'FR' ),
    '2001:db8:1::/48'  => city( country => 'JP', region => '13', city => 'Tokyo', city_de => 'Tokio',
                                lat => 35.6895, lon => 139.6917 ),
);

write_db(
    'test-asn.mmdb', 6, 'Vigil-Test-ASN', \%types,
    '81.2.69.0/24'    => { autonomous_system_number => 64496, autonomous_system_organization => 'Example Broadband Ltd' },
    '192.0.2.0/24'    => { autonomous_system_number => 3320,  autonomous_system_organization => 'Deutsche Telekom AG' },
    '198.51.100.0/24' => { autonomous_system_number => 64500, autonomous_system_organization => 'Example VPN Services' },
    '203.0.113.0/24'  => { autonomous_system_number => 16509, autonomous_system_organization => 'Amazon.com, Inc.' },
    '8.8.8.0/24'      => { autonomous_system_number => 15169, autonomous_system_organization => 'Google LLC' },
    '1.1.1.0/24'      => { autonomous_system_number => 13335, autonomous_system_organization => 'Cloudflare, Inc.' },
    '2001:db8:1::/48' => { autonomous_system_number => 64510, autonomous_system_organization => 'Example Mobile Wireless' },
);

write_db(
    'test-iplocdb.mmdb', 4, 'Vigil-Test-IpLocationDb', \%flat_types,
    # Disagrees with the City file on purpose: when both are open, the first file's fields must win.
    '192.0.2.0/24'    => { country_code => 'AT', state1 => 'Vienna', city => 'Vienna', latitude => 48.2082,
                           longitude => 16.3738, autonomous_system_number => 64501,
                           autonomous_system_organization => 'Example Other Ltd' },
    # Agrees on the country: fills what the City file lacks.
    '198.51.100.0/24' => { country_code => 'US', state1 => 'California', city => 'San Jose', latitude => 37.3394,
                           longitude => -121.895 },
    '203.0.113.0/24'  => { country_code => 'IE', state1 => 'Leinster', city => 'Dublin', latitude => 53.3498,
                           longitude => -6.2603 },
);
