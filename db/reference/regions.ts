/**
 * Reference data for the default region. A region is data: another cluster
 * (Sophia-Antipolis, Montpellier) adds an entry here, nothing else changes.
 * Territories are defined by the EPCI (intercommunalités) they group, so the
 * membership of every commune comes from the official EPCI list.
 */
export type RegionDefinition = {
  slug: string
  name: string
  /** Departments whose communes are imported (so nearby cities can be picked too). */
  departments: string[]
  clusters: { slug: string; name: string }[]
  territories: { slug: string; name: string; epci: string[] }[]
  /** [INSEE code, latitude, longitude] for the communes the region uses. */
  coordinates: [string, number, number][]
}

export const littoralHautsDeFrance: RegionDefinition = {
  slug: 'littoral-hauts-de-france',
  name: 'Littoral Hauts-de-France',
  departments: ['59', '62'],
  clusters: [{ slug: 'cap-numeric', name: 'Cap Numeric' }],
  territories: [
    {
      slug: 'calaisis',
      name: 'Calaisis',
      // CA Grand Calais Terres et Mers, CC Pays d'Opale, CC de la Région d'Audruicq
      epci: ['200090751', '200072478', '246200844'],
    },
    {
      slug: 'boulonnais',
      name: 'Boulonnais',
      // CA du Boulonnais, CC de Desvres-Samer, CC de la Terre des Deux Caps
      epci: ['246200729', '200018083', '246200380'],
    },
    {
      slug: 'montreuillois',
      name: 'Montreuillois',
      // CA des Deux Baies en Montreuillois, CC du Haut Pays du Montreuillois
      epci: ['200069029', '200069235'],
    },
    {
      slug: 'dunkerquois',
      name: 'Dunkerquois',
      // CU de Dunkerque, CC des Hauts de Flandre
      epci: ['245900428', '200040954'],
    },
  ],
  coordinates: [
    ["62193", 50.9513, 1.8587], // Calais
    ["62239", 50.9297, 1.7967], // Coquelles
    ["62548", 50.9486, 1.9500], // Marck
    ["62244", 50.9236, 1.8869], // Coulogne
    ["62774", 50.9453, 1.7531], // Sangatte
    ["62397", 50.8697, 1.8706], // Guînes
    ["62038", 50.8542, 1.9792], // Ardres
    ["62057", 50.8797, 2.0797], // Audruicq
    ["62645", 50.9789, 2.0431], // Oye-Plage
    ["62160", 50.7264, 1.6147], // Boulogne-sur-Mer
    ["62643", 50.7053, 1.5939], // Outreau
    ["62667", 50.7067, 1.5736], // Le Portel
    ["62758", 50.7267, 1.6389], // Saint-Martin-Boulogne
    ["62893", 50.7694, 1.6111], // Wimereux
    ["62894", 50.7647, 1.6317], // Wimille
    ["62755", 50.6906, 1.6264], // Saint-Léonard
    ["62560", 50.8131, 1.7081], // Marquise
    ["62268", 50.6683, 1.8347], // Desvres
    ["62773", 50.6386, 1.7453], // Samer
    ["62604", 50.6203, 1.6436], // Neufchâtel-Hardelot
    ["62588", 50.4639, 1.7636], // Montreuil-sur-Mer
    ["62108", 50.4083, 1.5928], // Berck
    ["62318", 50.5131, 1.6392], // Étaples
    ["62826", 50.5211, 1.5858], // Le Touquet-Paris-Plage
    ["62261", 50.4900, 1.6200], // Cucq
    ["62688", 50.4167, 1.6500], // Rang-du-Fliers
    ["62201", 50.5711, 1.6111], // Camiers
    ["62364", 50.5150, 2.1336], // Fruges
    ["59183", 51.0344, 2.3768], // Dunkerque
    ["59155", 51.0225, 2.3931], // Coudekerque-Branche
    ["59271", 51.0139, 2.3028], // Grande-Synthe
    ["59273", 50.9864, 2.1281], // Gravelines
    ["59094", 50.9475, 2.1956], // Bourbourg
    ["59359", 50.9956, 2.2181], // Loon-Plage
    ["59588", 51.0186, 2.4400], // Téteghem-Coudekerque-Village
    ["59340", 51.0347, 2.4644], // Leffrinckoucke
    ["59107", 51.0731, 2.5169], // Bray-Dunes
    ["59131", 51.0000, 2.3650], // Cappelle-la-Grande
    ["59067", 50.9686, 2.4336], // Bergues
    ["59663", 50.8819, 2.4681], // Wormhout
    ["59309", 50.9811, 2.5861], // Hondschoote
    ["62765", 50.7500, 2.2522], // Saint-Omer
    ["62040", 50.7358, 2.3025], // Arques
    ["62525", 50.7364, 2.2431], // Longuenesse
    ["59295", 50.7233, 2.5392], // Hazebrouck
    ["59350", 50.6292, 3.0573], // Lille
    ["59009", 50.6233, 3.1450], // Villeneuve-d'Ascq
    ["59512", 50.6942, 3.1746], // Roubaix
    ["59599", 50.7239, 3.1612], // Tourcoing
    ["59178", 50.3714, 3.0800], // Douai
    ["59606", 50.3570, 3.5235], // Valenciennes
    ["62041", 50.2910, 2.7775], // Arras
    ["62498", 50.4322, 2.8333], // Lens
    ["62119", 50.5303, 2.6408], // Béthune
  ],
}

export const regions: RegionDefinition[] = [littoralHautsDeFrance]
