#!/usr/bin/perl
# Writes OSTN15, the Ordnance Survey's definitive OSGB36 <-> ETRS89 transformation, as an NTv2 grid
# (OSGB36 latitude/longitude -> ETRS89 shifts in arc-seconds) that PROJ uses for EPSG:27700.
#
#   perl scripts/ostn15-ntv2.pl OUTPUT.gsb [SPACING_SECONDS]     (default spacing 30")
#   perl scripts/ostn15-ntv2.pl --check GRID.gsb                  (exit 0 when GRID.gsb is a complete grid
#                                                                   written by this script that agrees with OSTN15)
#
# The shifts come from Geo::Coordinates::OSGB (Debian: libgeo-coordinates-osgb-perl, GPL-2+), which
# carries the OSTN15 data set (OS's 1 km grid of easting and northing shifts, © Crown copyright 2016,
# released by Ordnance Survey under the BSD 2-clause licence) and implements OS's published algorithm.
# At each node of a regular OSGB36 graticule the node is projected to the National Grid (Airy 1830),
# taken back to ETRS89 by OSTN15, and the difference in latitude and longitude is stored. PROJ then
# interpolates bilinearly between nodes; at 30" spacing that adds at most a few millimetres to OSTN15.
#
# The grid covers 49.75°N to 61.25°N and 9.25°W to 2.25°E, which holds the area of use of EPSG's
# OSTN15 transformations (49.75°N to 61.01°N, 9°W to 2.01°E). OSTN15 is defined inside the National
# Grid's 700 km by 1250 km rectangle; nodes outside it, all at sea, hold the shift of the nearest point
# of the rectangle, so that the grid is continuous there.
#
# Nothing is downloaded. The output is data generated on the machine: it is never part of this repository.
use strict;
use warnings;
use Geo::Coordinates::OSGB qw(ll_to_grid grid_to_ll);

# The graticule, in seconds (NTv2 counts longitude positive west).
my ($south, $north, $west, $east) = (49.75 * 3600, 61.25 * 3600, -9.25 * 3600, 2.25 * 3600);

# Where OSTN15 holds data, with a margin: grid_to_ll iterates from E - dx, N - dy, and the shifts
# (dx about +82 to +104 m, dy about -84 to -60 m) must not carry it off the data.
my ($min_e, $max_e, $min_n, $max_n) = (200, 699_800, 200, 1_249_800);
sub clamp { my ($v, $lo, $hi) = @_; return $v < $lo ? $lo : $v > $hi ? $hi : $v }

# The shift at the OSGB36 node (lat, lon), in arc-seconds (latitude north, longitude west), with the
# OSTN15 round-trip miss in metres and whether the node lies outside the National Grid rectangle.
sub shift_at {
  my ($lat, $lon) = @_;
  my ($e, $n) = ll_to_grid($lat, $lon, { shape => 'OSGB36' });
  my ($ce, $cn) = (clamp($e, $min_e, $max_e), clamp($n, $min_n, $max_n));
  # The shift at (ce, cn): ETRS89 by OSTN15 less OSGB36, both of the same National Grid point.
  my ($etrs_lat, $etrs_lon) = grid_to_ll($ce, $cn);
  my ($osgb_lat, $osgb_lon) = grid_to_ll($ce, $cn, { shape => 'OSGB36' });
  # OSTN15 forward must give the point back: a fall-back to Helmert would be metres off. (Far from the
  # central meridian, 2°W, the OS projection series lose up to about 2 cm on a round trip, at sea.)
  my ($back_e, $back_n) = ll_to_grid($etrs_lat, $etrs_lon);
  my $miss = abs($back_e - $ce) + abs($back_n - $cn);
  return (($etrs_lat - $osgb_lat) * 3600, -($etrs_lon - $osgb_lon) * 3600, $miss, ($ce != $e || $cn != $n));
}

exit check($ARGV[1]) if @ARGV == 2 && $ARGV[0] eq '--check';

my ($output, $spacing) = @ARGV;
die "usage: $0 OUTPUT.gsb [SPACING_SECONDS] | $0 --check GRID.gsb\n" unless defined $output && $output !~ /^-/;
$spacing //= 30;
die "error: the spacing must be a whole number of seconds that divides 15 minutes\n"
  unless $spacing =~ /^[0-9]+$/ && $spacing > 0 && 900 % $spacing == 0;

my $rows    = ($north - $south) / $spacing + 1;
my $columns = ($east - $west) / $spacing + 1;

my $tmp = "$output.partial.$$";
open my $fh, '>:raw', $tmp or die "error: cannot write $tmp: $!\n";
my $record = sub { my ($key, $format, $value) = @_; print {$fh} pack("A8 $format", $key, $value) };
my $text = sub { my ($key, $value) = @_; print {$fh} pack('A8 A8', $key, $value) };
# Overview header.
$record->('NUM_OREC', 'l< x4', 11);
$record->('NUM_SREC', 'l< x4', 11);
$record->('NUM_FILE', 'l< x4', 1);
$text->('GS_TYPE', 'SECONDS');
$text->('VERSION', 'NTv2.0');
$text->('SYSTEM_F', 'OSGB36');
$text->('SYSTEM_T', 'ETRS89');
$record->('MAJOR_F', 'd<', 6_377_563.396);
$record->('MINOR_F', 'd<', 6_356_256.909);
$record->('MAJOR_T', 'd<', 6_378_137.0);
$record->('MINOR_T', 'd<', 6_356_752.314140);
# Sub-grid header.
my @now = gmtime;
$text->('SUB_NAME', 'OSTN15');
$text->('PARENT', 'NONE');
$text->('CREATED', sprintf '%04d%02d%02d', $now[5] + 1900, $now[4] + 1, $now[3]);
$text->('UPDATED', sprintf '%04d%02d%02d', $now[5] + 1900, $now[4] + 1, $now[3]);
$record->('S_LAT', 'd<', $south);
$record->('N_LAT', 'd<', $north);
$record->('E_LONG', 'd<', -$east);
$record->('W_LONG', 'd<', -$west);
$record->('LAT_INC', 'd<', $spacing);
$record->('LONG_INC', 'd<', $spacing);
$record->('GS_COUNT', 'l< x4', $rows * $columns);

# Nodes from the south-east corner, westwards along each row, rows northwards.
my ($worst, $outside) = (0, 0);
for my $row (0 .. $rows - 1) {
  my $lat = ($south + $row * $spacing) / 3600;
  my $line = '';
  for my $column (0 .. $columns - 1) {
    my $lon = ($east - $column * $spacing) / 3600;
    my ($dlat, $dlon, $miss, $off) = shift_at($lat, $lon);
    $outside++ if $off;
    $worst = $miss if $miss > $worst;
    $line .= pack 'f<4', $dlat, $dlon, 0, 0;
  }
  print {$fh} $line;
}
print {$fh} pack('A8 x8', 'END');
close $fh or die "error: cannot write $tmp: $!\n";
if ($worst > 0.05) {
  unlink $tmp;
  die sprintf "error: OSTN15 did not invert within 5 cm (worst %.4f m); the grid was not written\n", $worst;
}
rename $tmp, $output or die "error: cannot rename $tmp to $output: $!\n";
printf STDERR "%s: %d x %d nodes at %d\", %d outside the National Grid rectangle; OSTN15 round trip within %.4f m\n",
  $output, $rows, $columns, $spacing, $outside, $worst;

# A grid is valid when its headers are the ones written above, its size matches its node count, it ends
# with the END record, and nodes spread over it hold the shifts OSTN15 gives there (to 0.0001", 3 mm).
sub check {
  my ($path) = @_;
  my $fail = sub { print STDERR "$path: $_[0]\n"; return 1 };
  open my $in, '<:raw', $path or return $fail->("cannot read: $!");
  my $size = -s $in;
  read($in, my $head, 352) == 352 or return $fail->('shorter than the NTv2 headers');
  my %field = map { my $r = substr($head, $_ * 16, 16); (unpack('A8', $r) => substr($r, 8, 8)) } 0 .. 21;
  my $int = sub { unpack 'l<', $field{$_[0]} // '' };
  my $dbl = sub { unpack 'd<', $field{$_[0]} // '' };
  my $txt = sub { unpack 'A8', $field{$_[0]} // '' };
  return $fail->('not an NTv2 grid of one OSTN15 sub-grid in seconds')
    unless ($int->('NUM_OREC') // 0) == 11 && ($int->('NUM_FILE') // 0) == 1
      && $txt->('GS_TYPE') eq 'SECONDS' && $txt->('SUB_NAME') eq 'OSTN15';
  my ($s, $n, $e, $w, $dlat_inc, $dlon_inc) = map { $dbl->($_) } qw(S_LAT N_LAT E_LONG W_LONG LAT_INC LONG_INC);
  return $fail->('not the expected extent') unless $s == $south && $n == $north && $e == -$east && $w == -$west;
  return $fail->('uneven spacing') unless $dlat_inc > 0 && $dlat_inc == $dlon_inc;
  my ($rows, $columns) = (($n - $s) / $dlat_inc + 1, ($w - $e) / $dlon_inc + 1);
  return $fail->('node count does not match the extent') unless $int->('GS_COUNT') == $rows * $columns;
  return $fail->('truncated') unless $size == 352 + 16 * $rows * $columns + 16;
  seek $in, $size - 16, 0;
  read $in, my $end, 16;
  return $fail->('no END record') unless unpack('A8', $end) eq 'END';
  for my $r (map { int($_ * ($rows - 1)) } 0.1, 0.35, 0.5, 0.8) {
    for my $c (map { int($_ * ($columns - 1)) } 0.25, 0.5, 0.75) {
      seek $in, 352 + 16 * ($r * $columns + $c), 0;
      read $in, my $node, 16;
      my ($lat_shift, $lon_shift) = unpack 'f<2', $node;
      my ($want_lat, $want_lon) = shift_at(($s + $r * $dlat_inc) / 3600, -($e + $c * $dlon_inc) / 3600);
      return $fail->(sprintf 'node %d,%d holds %.5f", %.5f" where OSTN15 gives %.5f", %.5f"', $r, $c,
        $lat_shift, $lon_shift, $want_lat, $want_lon)
        if abs($lat_shift - $want_lat) > 1e-4 || abs($lon_shift - $want_lon) > 1e-4;
    }
  }
  return 0;
}
