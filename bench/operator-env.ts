/** A server without the demo must name its operator (legal pages): the benchmarks' boards name a stand-in. */
export const BENCH_OPERATOR_ENV = {
  OPERATOR_NAME: 'Passerelle (banc d’essai)',
  OPERATOR_ADDRESS: '1 rue des Mesures, 62100 Calais',
  OPERATOR_EMAIL: 'contact@passerelle.test',
  OPERATOR_DIRECTOR: 'Direction du banc d’essai',
  OPERATOR_HOST: 'Cette machine de mesure',
}
