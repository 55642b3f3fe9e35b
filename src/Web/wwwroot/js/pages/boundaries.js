// What the server-rendered pages' maps of ward outlines credit: the boundaries' publisher and licence.
export const boundaryAttribution = 'Boundaries: Office for National Statistics, contains OS data © Crown copyright and database right, '
  + '<a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">OGL v3.0</a>';
