-- The reference catalogue's French names are written with the typographic apostrophe (’), as every
-- French text of the hub is. syncCatalogue only adds new items, so names already stored are brought
-- over here: only reference items (no operation), and only where the name is still exactly the one
-- the catalogue once shipped, so that a name an administrator edited is left as it is.
UPDATE "commodities" SET "name_fr" = 'Nitrate d’ammonium'
  WHERE "operation_id" IS NULL AND "code" = 'AMMONIUM_NITRATE' AND "name_fr" = 'Nitrate d''ammonium';--> statement-breakpoint
UPDATE "commodities" SET "name_fr" = 'Nitrate d’ammonium calcaire'
  WHERE "operation_id" IS NULL AND "code" = 'CALCIUM_AMMONIUM_NITRATE' AND "name_fr" = 'Nitrate d''ammonium calcaire';--> statement-breakpoint
UPDATE "commodities" SET "name_fr" = 'Peroxyde d’hydrogène'
  WHERE "operation_id" IS NULL AND "code" = 'HYDROGEN_PEROXIDE' AND "name_fr" = 'Peroxyde d''hydrogène';--> statement-breakpoint
UPDATE "commodities" SET "name_fr" = 'Poudre d’aluminium'
  WHERE "operation_id" IS NULL AND "code" = 'ALUMINIUM_POWDER' AND "name_fr" = 'Poudre d''aluminium';--> statement-breakpoint
UPDATE "commodities" SET "name_fr" = 'Pâte ou paillettes d’aluminium'
  WHERE "operation_id" IS NULL AND "code" = 'ALUMINIUM_PASTE_FLAKES' AND "name_fr" = 'Pâte ou paillettes d''aluminium';
